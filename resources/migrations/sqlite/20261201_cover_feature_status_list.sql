-- Migration: 20261201_cover_feature_status_list.sql
-- Up
-- Nothing to change on SQLite; the file keeps the two dialects' migration
-- histories alike. The PostgreSQL migration widens idx_feature_status_created
-- into a covering index because its planner misjudged the narrow one. SQLite
-- already uses idx_feature_status_created (status, created_at) for status
-- lists, and adding columns after created_at would put them before the rowid
-- that breaks ties, so the index could no longer give the list's order.
SELECT 1;
-- Down
SELECT 1;
