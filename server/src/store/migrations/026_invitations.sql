-- Issue 9 item 5: who may sign. 'open': anyone; 'invite': one signature per
-- invitation token; 'domains': addresses at allowed_domains (canonical,
-- lower-case ASCII) or their subdomains.
ALTER TABLE statements
  ADD COLUMN signing text NOT NULL DEFAULT 'open' CHECK (signing IN ('open', 'invite', 'domains')),
  ADD COLUMN allowed_domains text[] NOT NULL DEFAULT '{}';

-- One row per invitation: the token is kept as its SHA-256 only (shown
-- once, when made). used_at/signatory_id are set in the signing
-- transaction, under the statement's row lock, so a token lets exactly one
-- signature through.
CREATE TABLE invitations (
  statement_id  text NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
  id            text NOT NULL,
  token_sha256  text NOT NULL UNIQUE,
  -- The address it was made for; NULL for an anonymous link to hand out.
  email         text,
  created_at    timestamptz(3) NOT NULL DEFAULT now(),
  used_at       timestamptz(3),
  signatory_id  text,
  revoked_at    timestamptz(3),
  PRIMARY KEY (statement_id, id)
);
CREATE INDEX invitations_listed ON invitations (statement_id, created_at, id);
