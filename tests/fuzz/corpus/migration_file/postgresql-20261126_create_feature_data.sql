-- Migration: 20260101_fuzz.sql
-- Up
CREATE TABLE feature_data (
    id UUID PRIMARY KEY,
    -- Insertion order: lists break ties between equal created_at with it.
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    name VARCHAR(255) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    options JSONB NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(options) = 'object'),
    status VARCHAR(16) NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'pending', 'approved', 'rejected')),
    owner_id UUID NOT NULL REFERENCES users(id),
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX idx_feature_name ON feature_data (name);
CREATE INDEX idx_feature_created ON feature_data (created_at, seq);
CREATE INDEX idx_feature_status_created ON feature_data (status, created_at, seq);
CREATE INDEX idx_feature_owner_created ON feature_data (owner_id, created_at, seq);
-- For the desktop's sort by last change and by status over large tables.
CREATE INDEX idx_feature_updated ON feature_data (updated_at, seq);
CREATE INDEX idx_feature_status ON feature_data (status, seq);
-- Down
DROP INDEX idx_feature_status;
DROP INDEX idx_feature_updated;
DROP INDEX idx_feature_owner_created;
DROP INDEX idx_feature_status_created;
DROP INDEX idx_feature_created;
DROP INDEX idx_feature_name;
DROP TABLE feature_data;
