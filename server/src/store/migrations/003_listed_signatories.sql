-- The public list in position order, for its pages, with each row's kind
-- for counting the list by kind (which every page does) from the index.
CREATE INDEX signatories_listed ON signatories (statement_id, position) INCLUDE (kind) WHERE status = 'published' AND public;
