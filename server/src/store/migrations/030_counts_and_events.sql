-- Counts kept at write time, and a per-statement event log for the live
-- route (GET /statements/{id}/events). Both are written by triggers, so
-- every path that publishes, hides or deletes (signing, e-mail
-- confirmation, moderation, imports, deletes) keeps them right in its own
-- transaction.

ALTER TABLE statements
  ADD COLUMN signatories_count integer NOT NULL DEFAULT 0,
  ADD COLUMN signatories_listed integer NOT NULL DEFAULT 0,
  ADD COLUMN listed_organizations integer NOT NULL DEFAULT 0,
  ADD COLUMN listed_individuals integer NOT NULL DEFAULT 0,
  -- The statement's last event: bumped under the statement's row lock, so
  -- events commit in seq order and a reader resuming after seq N misses none.
  ADD COLUMN last_event integer NOT NULL DEFAULT 0;

UPDATE statements s SET
  signatories_count = c.counted, signatories_listed = c.listed,
  listed_organizations = c.organizations, listed_individuals = c.individuals
FROM (
  SELECT statement_id,
         count(*) FILTER (WHERE status = 'published')::int AS counted,
         count(*) FILTER (WHERE status = 'published' AND public)::int AS listed,
         count(*) FILTER (WHERE status = 'published' AND public AND kind = 'organization')::int AS organizations,
         count(*) FILTER (WHERE status = 'published' AND public AND kind = 'individual')::int AS individuals
  FROM signatories GROUP BY statement_id
) c WHERE s.id = c.statement_id;

-- What changed, not how it looks: each server instance reads the rows
-- named here itself when it sends the event.
CREATE TABLE statement_events (
  statement_id  text NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
  seq           integer NOT NULL,
  type          text NOT NULL CHECK (type IN ('signatories', 'comments', 'statement')),
  -- Items newly published by this write, oldest first; NULL when none, or
  -- too many to name (a bulk import): readers then take the counts only.
  item_ids      text[],
  created_at    timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (statement_id, seq)
);

-- Appends an event and tells every listening instance (delivered on commit).
CREATE FUNCTION undersigned_event(p_statement text, p_type text, p_items text[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  n integer;
BEGIN
  UPDATE statements SET last_event = last_event + 1 WHERE id = p_statement RETURNING last_event INTO n;
  -- No row: the statement is being deleted with its items.
  IF n IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO statement_events (statement_id, seq, type, item_ids)
  VALUES (p_statement, n, p_type, CASE WHEN cardinality(p_items) BETWEEN 1 AND 50 THEN p_items END);
  PERFORM pg_notify('undersigned_events',
    json_build_object('schema', current_schema(), 'statement', p_statement, 'seq', n)::text);
END $$;

-- One pass per SQL statement over the rows it changed (a 1 000-row import
-- is one update of the counts, not 1 000).
CREATE FUNCTION signatories_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  changed text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT statement_id, id, position, status, public, kind, 1 AS w FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT statement_id, id, position, status, public, kind, -1 AS w FROM old_rows'
    ELSE 'SELECT statement_id, id, position, status, public, kind, 1 AS w FROM new_rows
          UNION ALL SELECT statement_id, id, position, status, public, kind, -1 AS w FROM old_rows'
  END;
  d record;
BEGIN
  FOR d IN EXECUTE format($q$
    SELECT statement_id, sum(counted)::int AS counted, sum(listed)::int AS listed,
           sum(organizations)::int AS organizations, sum(individuals)::int AS individuals,
           array_agg(id ORDER BY position) FILTER (WHERE listed = 1) AS added
    FROM (
      SELECT statement_id, id, max(position) AS position,
             sum(w * (status = 'published')::int) AS counted,
             sum(w * (status = 'published' AND public)::int) AS listed,
             sum(w * (status = 'published' AND public AND kind = 'organization')::int) AS organizations,
             sum(w * (status = 'published' AND public AND kind = 'individual')::int) AS individuals
      FROM (%s) r GROUP BY statement_id, id
    ) per_row
    GROUP BY statement_id
    HAVING bool_or(counted <> 0 OR listed <> 0 OR organizations <> 0 OR individuals <> 0)$q$, changed)
  LOOP
    UPDATE statements SET
      signatories_count = signatories_count + d.counted,
      signatories_listed = signatories_listed + d.listed,
      listed_organizations = listed_organizations + d.organizations,
      listed_individuals = listed_individuals + d.individuals
    WHERE id = d.statement_id;
    PERFORM undersigned_event(d.statement_id, 'signatories', d.added);
  END LOOP;
  RETURN NULL;
END $$;

CREATE TRIGGER signatories_inserted AFTER INSERT ON signatories
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION signatories_changed();
CREATE TRIGGER signatories_updated AFTER UPDATE ON signatories
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION signatories_changed();
CREATE TRIGGER signatories_deleted AFTER DELETE ON signatories
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION signatories_changed();

-- Comments: an event when any comment is published or leaves the public
-- thread (its count is read when the event is sent: replies under a hidden
-- comment leave with it).
CREATE FUNCTION comments_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  changed text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT statement_id, id, created_at, status, 1 AS w FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT statement_id, id, created_at, status, -1 AS w FROM old_rows'
    ELSE 'SELECT statement_id, id, created_at, status, 1 AS w FROM new_rows
          UNION ALL SELECT statement_id, id, created_at, status, -1 AS w FROM old_rows'
  END;
  d record;
BEGIN
  FOR d IN EXECUTE format($q$
    SELECT statement_id, array_agg(id ORDER BY created_at, id) FILTER (WHERE published = 1) AS added
    FROM (
      SELECT statement_id, id, max(created_at) AS created_at, sum(w * (status = 'published')::int) AS published
      FROM (%s) r GROUP BY statement_id, id
    ) per_row
    GROUP BY statement_id HAVING bool_or(published <> 0)$q$, changed)
  LOOP
    PERFORM undersigned_event(d.statement_id, 'comments', d.added);
  END LOOP;
  RETURN NULL;
END $$;

CREATE TRIGGER comments_inserted AFTER INSERT ON comments
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comments_changed();
CREATE TRIGGER comments_updated AFTER UPDATE ON comments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comments_changed();
CREATE TRIGGER comments_deleted AFTER DELETE ON comments
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION comments_changed();

-- The publisher changed what readers see: content (notes among it), open
-- or closed, the goal.
CREATE FUNCTION statement_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.last_event := OLD.last_event + 1;
  INSERT INTO statement_events (statement_id, seq, type) VALUES (NEW.id, NEW.last_event, 'statement');
  PERFORM pg_notify('undersigned_events',
    json_build_object('schema', current_schema(), 'statement', NEW.id, 'seq', NEW.last_event)::text);
  RETURN NEW;
END $$;

CREATE TRIGGER statement_changed BEFORE UPDATE ON statements FOR EACH ROW
  WHEN (OLD.content::text IS DISTINCT FROM NEW.content::text
        OR OLD.signatories_open IS DISTINCT FROM NEW.signatories_open
        OR OLD.comments_open IS DISTINCT FROM NEW.comments_open
        OR OLD.goal IS DISTINCT FROM NEW.goal
        OR OLD.email_required IS DISTINCT FROM NEW.email_required)
  EXECUTE FUNCTION statement_changed();
