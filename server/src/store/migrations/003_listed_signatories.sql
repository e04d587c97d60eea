-- The public list's rows in position order, and its counts by kind, read
-- from one partial index: every page of the list counts them.
CREATE INDEX signatories_listed ON signatories (statement_id, kind, position) WHERE status = 'published' AND public;
