-- The thread triggers (011) look comments up by (statement_id, id). PL/pgSQL
-- caches each query's plan for the connection's lifetime; planned while the
-- table is empty, where the primary key and comments_thread cost the same,
-- the cached plan may take comments_thread with only statement_id as its
-- index condition, so every later lookup reads the statement's whole thread
-- index: a 4 000-comment import read millions of index entries (quadratic),
-- and on PGlite, which never analyzes, that plan stays for the process's
-- life. Planning each call with the table's size as it is now costs
-- microseconds and picks the primary key (issue 12).
ALTER FUNCTION comment_placed() SET plan_cache_mode = force_custom_plan;
ALTER FUNCTION comment_revisited() SET plan_cache_mode = force_custom_plan;
