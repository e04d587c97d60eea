-- Threads in indexed columns written at insert (issue 12 item 1), so every
-- comment query costs its page, not the shape of the thread:
--   root_id      the thread's root (a root is its own)
--   depth        0 for a root; capped at 8 (src/contract/limits.ts MAX_DEPTH):
--                a reply to a comment at depth 8 is stored under that
--                comment's parent, at depth 8
--   seq          insertion order, the tie-break within one millisecond
--   path         the thread key: one fixed-width segment (time, seq) per
--                level, so ordering by path is depth-first, oldest first
--                within a parent, a reply never before its parent
--   visible      published, and every comment above it published
--   reply_count  on roots: the visible replies in the thread
-- and statements.comments_visible, the visible comments of the statement.
-- Triggers keep them on every path (replies, moderation, imports, deletes).

CREATE SEQUENCE comments_seq;

-- 15 digits of milliseconds since year 1, 12 of seq: 27 characters a level.
CREATE FUNCTION comment_segment(t timestamptz, seq bigint) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT lpad(greatest(0, least(999999999999999,
           (extract(epoch FROM t) * 1000)::bigint + 62135596800000))::text, 15, '0')
         || lpad(seq::text, 12, '0')
$$;

ALTER TABLE comments
  ADD COLUMN root_id text,
  ADD COLUMN depth smallint,
  ADD COLUMN seq bigint,
  ADD COLUMN path text COLLATE "C",
  ADD COLUMN visible boolean,
  ADD COLUMN reply_count integer NOT NULL DEFAULT 0;
ALTER TABLE statements ADD COLUMN comments_visible integer NOT NULL DEFAULT 0;

UPDATE comments c SET seq = r.n
FROM (SELECT statement_id, id, row_number() OVER (ORDER BY created_at, id) AS n FROM comments) r
WHERE c.statement_id = r.statement_id AND c.id = r.id;
SELECT setval('comments_seq', greatest((SELECT max(seq) FROM comments), 0) + 1, false);

-- Existing threads, once (the only recursion: here, not per request).
-- Replies deeper than the cap move under their ancestor at depth 7;
-- visibility follows the original chain.
WITH RECURSIVE t AS (
  SELECT statement_id, id, id AS root_id, 0 AS depth, comment_segment(created_at, seq) AS path,
         status = 'published' AS visible, parent_id AS new_parent, NULL::text AS anchor, NULL::text AS anchor_path
  FROM comments WHERE parent_id IS NULL
  UNION ALL
  SELECT c.statement_id, c.id, t.root_id, least(t.depth + 1, 8),
         CASE WHEN t.depth < 8 THEN t.path ELSE t.anchor_path END || comment_segment(c.created_at, c.seq),
         t.visible AND c.status = 'published',
         CASE WHEN t.depth < 8 THEN c.parent_id ELSE t.anchor END,
         CASE WHEN t.depth = 7 THEN t.id WHEN t.depth >= 8 THEN t.anchor END,
         CASE WHEN t.depth = 7 THEN t.path WHEN t.depth >= 8 THEN t.anchor_path END
  FROM comments c JOIN t ON c.statement_id = t.statement_id AND c.parent_id = t.id
)
UPDATE comments c SET root_id = t.root_id, depth = t.depth, path = t.path, visible = t.visible, parent_id = t.new_parent
FROM t WHERE c.statement_id = t.statement_id AND c.id = t.id;

UPDATE comments r SET reply_count = x.n
FROM (SELECT statement_id, root_id, count(*)::int AS n FROM comments WHERE depth > 0 AND visible GROUP BY 1, 2) x
WHERE r.statement_id = x.statement_id AND r.id = x.root_id;

UPDATE statements s SET comments_visible = x.n
FROM (SELECT statement_id, count(*)::int AS n FROM comments WHERE visible GROUP BY 1) x
WHERE s.id = x.statement_id;

ALTER TABLE comments
  ALTER COLUMN root_id SET NOT NULL,
  ALTER COLUMN depth SET NOT NULL,
  ALTER COLUMN seq SET NOT NULL,
  ALTER COLUMN seq SET DEFAULT nextval('comments_seq'),
  ALTER COLUMN path SET NOT NULL,
  ALTER COLUMN visible SET NOT NULL;

-- A thread's visible replies in order (pages); the whole subtree by path (moderation).
CREATE INDEX comments_thread_visible ON comments (statement_id, root_id, path) WHERE visible AND depth > 0;
CREATE INDEX comments_thread ON comments (statement_id, root_id, path);

-- Places a new comment: root, depth (at the cap, under the parent's parent), path, visibility.
CREATE FUNCTION comment_placed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  par record;
BEGIN
  IF NEW.parent_id IS NULL THEN
    NEW.root_id := NEW.id;
    NEW.depth := 0;
    NEW.path := comment_segment(NEW.created_at, NEW.seq);
    NEW.visible := NEW.status = 'published';
    RETURN NEW;
  END IF;
  SELECT id, parent_id, root_id, depth, path, visible INTO par
  FROM comments WHERE statement_id = NEW.statement_id AND id = NEW.parent_id;
  IF NOT FOUND THEN
    -- The foreign key reports it at the end of the statement.
    NEW.root_id := NEW.parent_id;
    NEW.depth := 1;
    NEW.path := comment_segment(NEW.created_at, NEW.seq);
    NEW.visible := false;
    RETURN NEW;
  END IF;
  IF par.depth >= 8 THEN
    NEW.parent_id := par.parent_id;
    SELECT id, parent_id, root_id, depth, path, visible INTO par
    FROM comments WHERE statement_id = NEW.statement_id AND id = par.parent_id;
  END IF;
  NEW.root_id := par.root_id;
  NEW.depth := par.depth + 1;
  NEW.path := par.path || comment_segment(NEW.created_at, NEW.seq);
  NEW.visible := par.visible AND NEW.status = 'published';
  RETURN NEW;
END $$;

CREATE TRIGGER comment_placed BEFORE INSERT ON comments FOR EACH ROW EXECUTE FUNCTION comment_placed();

-- Counts on insert and delete: one pass per SQL statement over its rows.
CREATE FUNCTION comments_counted() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  rows_sql text := CASE TG_OP WHEN 'INSERT' THEN 'SELECT statement_id, root_id, depth, visible, 1 AS w FROM new_rows'
                              ELSE 'SELECT statement_id, root_id, depth, visible, -1 AS w FROM old_rows' END;
BEGIN
  EXECUTE format($q$
    UPDATE statements s SET comments_visible = comments_visible + x.n
    FROM (SELECT statement_id, sum(w)::int AS n FROM (%s) r WHERE visible GROUP BY 1) x
    WHERE s.id = x.statement_id$q$, rows_sql);
  EXECUTE format($q$
    UPDATE comments c SET reply_count = c.reply_count + x.n
    FROM (SELECT statement_id, root_id, sum(w)::int AS n FROM (%s) r WHERE visible AND depth > 0 GROUP BY 1, 2) x
    WHERE c.statement_id = x.statement_id AND c.id = x.root_id$q$, rows_sql);
  RETURN NULL;
END $$;

CREATE TRIGGER comments_counted_inserted AFTER INSERT ON comments
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comments_counted();
CREATE TRIGGER comments_counted_deleted AFTER DELETE ON comments
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION comments_counted();

-- A status change (moderation): the comment's subtree is seen again, level
-- by level (at most 9 updates, each a range of the thread index), and the
-- counts move by what changed.
CREATE FUNCTION comment_revisited() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  above boolean := true;
  before_all integer;
  before_replies integer;
  after_all integer;
  after_replies integer;
  hi text := NEW.path || ':';
BEGIN
  IF NEW.parent_id IS NOT NULL THEN
    SELECT visible INTO above FROM comments WHERE statement_id = NEW.statement_id AND id = NEW.parent_id;
  END IF;
  SELECT count(*) FILTER (WHERE visible), count(*) FILTER (WHERE visible AND depth > 0) INTO before_all, before_replies
  FROM comments WHERE statement_id = NEW.statement_id AND root_id = NEW.root_id AND path >= NEW.path AND path < hi;
  UPDATE comments SET visible = coalesce(above, false) AND status = 'published'
  WHERE statement_id = NEW.statement_id AND id = NEW.id;
  FOR lvl IN NEW.depth + 1 .. 8 LOOP
    UPDATE comments d SET visible = p.visible AND d.status = 'published'
    FROM comments p
    WHERE d.statement_id = NEW.statement_id AND d.root_id = NEW.root_id AND d.depth = lvl
      AND d.path >= NEW.path AND d.path < hi
      AND p.statement_id = d.statement_id AND p.id = d.parent_id
      AND d.visible IS DISTINCT FROM (p.visible AND d.status = 'published');
  END LOOP;
  SELECT count(*) FILTER (WHERE visible), count(*) FILTER (WHERE visible AND depth > 0) INTO after_all, after_replies
  FROM comments WHERE statement_id = NEW.statement_id AND root_id = NEW.root_id AND path >= NEW.path AND path < hi;
  IF after_all <> before_all THEN
    UPDATE statements SET comments_visible = comments_visible + after_all - before_all WHERE id = NEW.statement_id;
  END IF;
  IF after_replies <> before_replies THEN
    UPDATE comments SET reply_count = reply_count + after_replies - before_replies
    WHERE statement_id = NEW.statement_id AND id = NEW.root_id;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER comment_revisited AFTER UPDATE OF status ON comments FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION comment_revisited();
