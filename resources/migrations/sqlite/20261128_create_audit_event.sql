-- Migration: 20261128_create_audit_event.sql
-- Up
CREATE TABLE audit_event (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    actor_id TEXT NULL REFERENCES users(id),
    actor_username VARCHAR(64) NOT NULL DEFAULT '',
    action VARCHAR(32) NOT NULL,
    entity_type VARCHAR(32) NOT NULL,
    entity_id VARCHAR(64) NOT NULL,
    from_status VARCHAR(16) NULL,
    to_status VARCHAR(16) NULL,
    version INTEGER NULL,
    comment TEXT NULL,
    detail TEXT NULL CHECK (detail IS NULL OR json_valid(detail))
);
CREATE INDEX idx_audit_entity ON audit_event (entity_type, entity_id, id);
CREATE INDEX idx_audit_actor ON audit_event (actor_username, id);
-- The audit trail is append-only: nothing updates or deletes it.
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit_event is append-only');
END;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit_event is append-only');
END;
-- Down
DROP TRIGGER audit_event_no_delete;
DROP TRIGGER audit_event_no_update;
DROP INDEX idx_audit_actor;
DROP INDEX idx_audit_entity;
DROP TABLE audit_event;
