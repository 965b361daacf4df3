-- Migration: 20261126_create_feature_data.sql
-- Up
CREATE TABLE feature_data (
    id TEXT NOT NULL PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    -- CASE, not AND: json_type() raises an error on malformed JSON, and the
    -- constraint should fail as a constraint.
    options TEXT NOT NULL DEFAULT '{}'
        CHECK (CASE WHEN json_valid(options) THEN json_type(options) = 'object' ELSE 0 END),
    status VARCHAR(16) NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'pending', 'approved', 'rejected')),
    owner_id TEXT NOT NULL REFERENCES users(id),
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE UNIQUE INDEX idx_feature_name ON feature_data (name);
-- Lists order by created_at and break ties by insertion order: the rowid,
-- which every SQLite index carries after its columns.
CREATE INDEX idx_feature_created ON feature_data (created_at);
CREATE INDEX idx_feature_status_created ON feature_data (status, created_at);
CREATE INDEX idx_feature_owner_created ON feature_data (owner_id, created_at);
-- For the desktop's sort by last change and by status over large tables.
CREATE INDEX idx_feature_updated ON feature_data (updated_at);
CREATE INDEX idx_feature_status ON feature_data (status);
-- Down
DROP INDEX idx_feature_status;
DROP INDEX idx_feature_updated;
DROP INDEX idx_feature_owner_created;
DROP INDEX idx_feature_status_created;
DROP INDEX idx_feature_created;
DROP INDEX idx_feature_name;
DROP TABLE feature_data;
