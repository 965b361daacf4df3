-- Migration: 20261208_audit_seal.sql
-- Up
-- The audit log's hash chain and the order of the feed of committed changes
-- (docs/design.md, "The ordered feed"): one row per sealed audit event, its
-- position (1, 2, 3, ...), and its seal, SHA-256 over the previous seal and
-- the event. Written only by the sealer, after the event's commit; append-only.
-- On SQLite writes are serial, so the sealer takes events in id order.
CREATE TABLE audit_seal (
    position INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL UNIQUE,
    seal CHAR(64) NOT NULL,
    sealed_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE TRIGGER audit_seal_no_update BEFORE UPDATE ON audit_seal
BEGIN
    SELECT RAISE(ABORT, 'audit_seal is append-only');
END;
CREATE TRIGGER audit_seal_no_delete BEFORE DELETE ON audit_seal
BEGIN
    SELECT RAISE(ABORT, 'audit_seal is append-only');
END;
-- Down
DROP TRIGGER audit_seal_no_delete;
DROP TRIGGER audit_seal_no_update;
DROP TABLE audit_seal;
