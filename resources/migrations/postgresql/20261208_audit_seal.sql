-- Migration: 20261208_audit_seal.sql
-- Up
-- The audit log's hash chain and the order of the feed of committed changes
-- (docs/design.md, "The ordered feed"). On PostgreSQL audit_event.id is not
-- in commit order (a transaction can commit id 10 after id 11 is visible), so
-- each row records its transaction, and the sealer takes only rows whose
-- transaction is older than every transaction still running
-- (pg_snapshot_xmin): no row it has not seen can still appear before them.
-- Rows written before this migration all get the migration's transaction.
ALTER TABLE audit_event ADD COLUMN xact_id xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX idx_audit_event_xact ON audit_event (xact_id, id);
CREATE TABLE audit_seal (
    position BIGINT PRIMARY KEY,
    event_id BIGINT NOT NULL UNIQUE,
    seal CHAR(64) NOT NULL,
    sealed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE FUNCTION audit_seal_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_seal is append-only';
END;
$$;
CREATE TRIGGER audit_seal_no_change BEFORE UPDATE OR DELETE ON audit_seal
    FOR EACH ROW EXECUTE FUNCTION audit_seal_append_only();
CREATE TRIGGER audit_seal_no_truncate BEFORE TRUNCATE ON audit_seal
    FOR EACH STATEMENT EXECUTE FUNCTION audit_seal_append_only();
-- Down
DROP TRIGGER audit_seal_no_truncate ON audit_seal;
DROP TRIGGER audit_seal_no_change ON audit_seal;
DROP TABLE audit_seal;
DROP FUNCTION audit_seal_append_only();
DROP INDEX idx_audit_event_xact;
ALTER TABLE audit_event DROP COLUMN xact_id;
