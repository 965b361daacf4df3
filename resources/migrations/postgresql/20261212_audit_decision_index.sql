-- Migration: 20261212_audit_decision_index.sql
-- Up
-- The dashboard's decisions per day and time to decision (GET /api/v1/stats)
-- read the decisions of the last days: a partial index on their time keeps
-- that a range scan over decisions only, however long the audit log grows.
CREATE INDEX idx_audit_decision_at ON audit_event (at) WHERE to_status IN ('approved', 'rejected');
-- Down
DROP INDEX idx_audit_decision_at;
