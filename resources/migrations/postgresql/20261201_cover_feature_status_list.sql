-- Migration: 20261201_cover_feature_status_list.sql
-- Up
-- A list filtered by status reads its page from (status, created_at, seq).
-- PostgreSQL costs that index as if every row meant a random heap visit
-- (it judges a multi-column index by its first column's correlation with
-- the heap, and status has none), so it preferred walking idx_feature_created
-- backwards and discarding other statuses, assuming they are spread evenly.
-- They are not: the newest rows are mostly drafts and approvals, and with
-- 20,000 recent non-pending rows every "first 50 pending" read 20,000 rows
-- (6 ms instead of 0.1 ms). Carrying what the id-and-version read and its
-- join need makes that read an index-only scan, which the planner costs as
-- cheap as it is once autovacuum has marked the pages all-visible.
-- It replaces the index with the same key (and keeps its name) rather than
-- adding a second one that every write would also have to maintain.
CREATE INDEX idx_feature_status_list ON feature_data (status, created_at, seq) INCLUDE (id, version, owner_id);
DROP INDEX idx_feature_status_created;
ALTER INDEX idx_feature_status_list RENAME TO idx_feature_status_created;
-- Down
CREATE INDEX idx_feature_status_narrow ON feature_data (status, created_at, seq);
DROP INDEX idx_feature_status_created;
ALTER INDEX idx_feature_status_narrow RENAME TO idx_feature_status_created;
