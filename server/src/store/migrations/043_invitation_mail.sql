-- Invitations made for an address are mailed through the outbox (issue 9 item 5).
ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check CHECK (kind IN ('confirm', 'already-signed', 'invitation'));
