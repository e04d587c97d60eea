-- Issue 9 items 1-3 and 6: e-mail confirmation (double opt-in), withdrawal,
-- an outbox for mail, and the write rate limit shared by every instance.

-- confirmation: 'email' keeps a signature with an address unconfirmed
-- until its link is followed. Statements stored before this migration keep
-- 'none' (what they did); new ones default to 'email' (validation.ts).
-- language: the mails and the confirmation pages (one of the widgets' six).
-- mail_hourly_cap: at most this many mails an hour for the statement.
ALTER TABLE statements
  ADD COLUMN confirmation text NOT NULL DEFAULT 'none' CHECK (confirmation IN ('none', 'email')),
  ADD COLUMN language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'de', 'es', 'fr', 'pt', 'ar')),
  ADD COLUMN mail_hourly_cap integer NOT NULL DEFAULT 500 CHECK (mail_hourly_cap > 0);

-- unconfirmed: waits for its link, not counted, no position yet.
-- withdrawn: taken back by the signer; keeps its position (never reused), no address.
ALTER TABLE signatories DROP CONSTRAINT signatories_status_check;
ALTER TABLE signatories ADD CONSTRAINT signatories_status_check
  CHECK (status IN ('published', 'pending', 'hidden', 'unconfirmed', 'withdrawn'));
ALTER TABLE signatories ALTER COLUMN position DROP NOT NULL;
ALTER TABLE signatories ADD CONSTRAINT signatories_position_when_published
  CHECK (position IS NOT NULL OR status IN ('unconfirmed', 'pending', 'withdrawn', 'hidden'));

-- A signature is numbered when it is first published, whichever path
-- publishes it (confirmation, approval, the moderation queue): the next
-- number of its statement, under the statement's row lock. A number once
-- given stays with its signature.
CREATE FUNCTION signatory_number() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'published' AND NEW.position IS NULL THEN
    UPDATE statements SET last_position = last_position + 1 WHERE id = NEW.statement_id
      RETURNING last_position INTO NEW.position;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER signatory_number BEFORE INSERT OR UPDATE OF status ON signatories
  FOR EACH ROW EXECUTE FUNCTION signatory_number();

-- The links in a confirmation mail. Only the SHA-256 of a token is kept;
-- a token works once (used_at), a confirmation link until expires_at.
CREATE TABLE signature_tokens (
  token_sha256  text PRIMARY KEY,
  statement_id  text NOT NULL,
  signatory_id  text NOT NULL,
  purpose       text NOT NULL CHECK (purpose IN ('confirm', 'withdraw')),
  created_at    timestamptz(3) NOT NULL DEFAULT now(),
  expires_at    timestamptz(3),
  used_at       timestamptz(3),
  FOREIGN KEY (statement_id, signatory_id) REFERENCES signatories (statement_id, id) ON DELETE CASCADE
);
CREATE INDEX signature_tokens_signatory ON signature_tokens (statement_id, signatory_id);

-- Outgoing mail, written in the transaction that causes it. A sender
-- claims due rows (FOR UPDATE SKIP LOCKED, then a lease: leased_until),
-- so each is sent by one instance; a lease left by a dead instance runs
-- out and another takes the row. body and link hold the message's secret
-- links until it is sent or cancelled (then NULL); a failed one keeps them
-- so the publisher can queue it again.
CREATE TABLE outbox (
  id               integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  statement_id     text,
  signatory_id     text,
  kind             text NOT NULL CHECK (kind IN ('confirm', 'already-signed')),
  recipient        text,
  -- SHA-256 of the lower-cased address: the per-address cap, also after the address is erased.
  recipient_sha256 text NOT NULL,
  subject          text NOT NULL,
  body             text,
  link             text,
  status           text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed', 'cancelled')),
  -- When the caps let it go (the per-address and per-statement hourly windows count these).
  slot_at          timestamptz(3) NOT NULL DEFAULT now(),
  next_attempt_at  timestamptz(3) NOT NULL DEFAULT now(),
  attempts         integer NOT NULL DEFAULT 0,
  leased_until     timestamptz(3),
  leased_by        text,
  last_error       text,
  created_at       timestamptz(3) NOT NULL DEFAULT now(),
  sent_at          timestamptz(3)
);
CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE status = 'queued';
CREATE INDEX outbox_recipient ON outbox (recipient_sha256, slot_at);
CREATE INDEX outbox_statement ON outbox (statement_id, slot_at);
CREATE INDEX outbox_signatory ON outbox (statement_id, signatory_id);
CREATE INDEX outbox_listed ON outbox (status, created_at DESC, id DESC);

-- Token buckets of the write rate limit, one row per client address:
-- every instance takes from the same bucket.
CREATE TABLE rate_buckets (
  key         text PRIMARY KEY,
  tokens      double precision NOT NULL,
  updated_at  timestamptz(3) NOT NULL
);
CREATE INDEX rate_buckets_updated ON rate_buckets (updated_at);

-- Readers' forms follow the setting (email_required on the wire): a change is a live event.
DROP TRIGGER statement_changed ON statements;
CREATE TRIGGER statement_changed BEFORE UPDATE ON statements FOR EACH ROW
  WHEN (OLD.content::text IS DISTINCT FROM NEW.content::text
        OR OLD.signatories_open IS DISTINCT FROM NEW.signatories_open
        OR OLD.comments_open IS DISTINCT FROM NEW.comments_open
        OR OLD.goal IS DISTINCT FROM NEW.goal
        OR OLD.email_required IS DISTINCT FROM NEW.email_required
        OR OLD.confirmation IS DISTINCT FROM NEW.confirmation)
  EXECUTE FUNCTION statement_changed();
