-- Imports are idempotent: each imported row carries a key derived from its
-- source (a CSV row's e-mail or folded name, a Disqus post id), unique per
-- statement, so importing the same file again adds nothing.
ALTER TABLE signatories ADD COLUMN import_key text;
CREATE UNIQUE INDEX signatories_import_key ON signatories (statement_id, import_key) WHERE import_key IS NOT NULL;
ALTER TABLE comments ADD COLUMN import_key text;
CREATE UNIQUE INDEX comments_import_key ON comments (statement_id, import_key) WHERE import_key IS NOT NULL;
-- The moderation queue reads every statement's newest items by status.
CREATE INDEX signatories_queue ON signatories (status, signed_at DESC);
CREATE INDEX comments_queue ON comments (status, created_at DESC);
