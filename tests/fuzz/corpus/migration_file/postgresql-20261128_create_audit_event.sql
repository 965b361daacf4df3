-- Migration: 20260101_fuzz.sql
-- Up
CREATE TABLE audit_event (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor_id UUID NULL REFERENCES users(id),
    actor_username VARCHAR(64) NOT NULL DEFAULT '',
    action VARCHAR(32) NOT NULL,
    entity_type VARCHAR(32) NOT NULL,
    entity_id VARCHAR(64) NOT NULL,
    from_status VARCHAR(16) NULL,
    to_status VARCHAR(16) NULL,
    version INTEGER NULL,
    comment TEXT NULL,
    detail JSONB NULL
);
CREATE INDEX idx_audit_entity ON audit_event (entity_type, entity_id, id);
CREATE INDEX idx_audit_actor ON audit_event (actor_username, id);
-- The audit trail is append-only: nothing updates, deletes or truncates it.
CREATE FUNCTION audit_event_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END;
$$;
CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
-- Down
DROP TRIGGER audit_event_no_truncate ON audit_event;
DROP TRIGGER audit_event_no_change ON audit_event;
DROP INDEX idx_audit_actor;
DROP INDEX idx_audit_entity;
DROP TABLE audit_event;
DROP FUNCTION audit_event_append_only();
