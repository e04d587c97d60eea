-- Console sign-ins: the admin token is exchanged for a session whose id
-- lives only in an HttpOnly cookie. Only the id's sha256 is stored, so a
-- copy of the database cannot be replayed as a cookie.
CREATE TABLE admin_sessions (
  id_sha256   text PRIMARY KEY,
  -- Sent back in X-CSRF-Token on every write made with the cookie.
  csrf_token  text NOT NULL,
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  expires_at  timestamptz(3) NOT NULL
);
CREATE INDEX admin_sessions_expiry ON admin_sessions (expires_at);
