-- Contract v1 storage. Timestamps keep millisecond precision so that a
-- created_at read back into a JS Date (and into a cursor) compares equal.

CREATE TABLE statements (
  id                text PRIMARY KEY,
  -- Publisher content as given (title, kicker, summary, image, notes, body,
  -- published_at, url): the server only stores and returns it.
  content           json NOT NULL,
  signatories_open  boolean NOT NULL DEFAULT true,
  comments_open     boolean NOT NULL DEFAULT true,
  moderation        text NOT NULL DEFAULT 'none' CHECK (moderation IN ('none', 'pre')),
  email_required    boolean NOT NULL DEFAULT false,
  goal              integer,
  -- Last position handed out; the row lock on this counter serialises
  -- signing per statement so positions are gapless and stable.
  last_position     integer NOT NULL DEFAULT 0,
  created_at        timestamptz(3) NOT NULL DEFAULT now(),
  updated_at        timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE signatories (
  statement_id  text NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
  id            text NOT NULL,
  position      integer NOT NULL,
  name          text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('organization', 'individual')),
  organization  text,
  role          text,
  location      text,
  url           text,
  email         text,
  -- Lower-cased e-mail: one signature per address and statement.
  email_key     text,
  public        boolean NOT NULL DEFAULT true,
  status        text NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'pending', 'hidden')),
  signed_at     timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (statement_id, id),
  UNIQUE (statement_id, position)
);
CREATE UNIQUE INDEX signatories_email_key ON signatories (statement_id, email_key) WHERE email_key IS NOT NULL;

CREATE TABLE comments (
  statement_id  text NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
  id            text NOT NULL,
  parent_id     text,
  author_name   text NOT NULL,
  author_url    text,
  author_email  text,
  body          text NOT NULL,
  status        text NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'pending', 'hidden')),
  created_at    timestamptz(3) NOT NULL DEFAULT now(),
  edited_at     timestamptz(3),
  PRIMARY KEY (statement_id, id),
  FOREIGN KEY (statement_id, parent_id) REFERENCES comments(statement_id, id) ON DELETE CASCADE
);
CREATE INDEX comments_roots ON comments (statement_id, created_at, id) WHERE parent_id IS NULL;
CREATE INDEX comments_parent ON comments (statement_id, parent_id);

-- One row per (statement, route, Idempotency-Key): the unique key makes a
-- racing retry wait for the first request's transaction, then replay it.
CREATE TABLE idempotency_keys (
  statement_id  text NOT NULL,
  route         text NOT NULL,
  key           text NOT NULL,
  request_hash  text NOT NULL,
  status        integer,
  response      text,
  created_at    timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (statement_id, route, key)
);

CREATE TABLE server_settings (
  name   text PRIMARY KEY,
  value  text NOT NULL
);
