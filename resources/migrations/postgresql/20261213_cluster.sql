-- Migration: 20261213_cluster.sql
-- Up
-- Several instances on one database (docs/design.md, "Several instances").
--
-- Each committed audit event is announced to every instance that LISTENs on
-- `signoff_change` (NOTIFY is delivered at commit, not at all on rollback):
-- the payload is the writing instance's name (its session setting
-- signoff.instance, so an instance can skip what it announced itself; empty
-- for anyone else), the entity type and the id. Other instances refuse a
-- revoked token or a disabled user and drop their cached copies at once,
-- instead of after their next look at the ordered feed.
CREATE FUNCTION audit_event_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('signoff_change',
                      COALESCE(current_setting('signoff.instance', true), '') || ' ' || NEW.entity_type || ' ' || NEW.entity_id);
    RETURN NULL;
END;
$$;
CREATE TRIGGER audit_event_announce AFTER INSERT ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_notify();
-- A seal pass that sealed something tells every instance that the ordered
-- feed grew, so their event streams read on at once.
CREATE FUNCTION audit_seal_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('signoff_sealed', '');
    RETURN NULL;
END;
$$;
CREATE TRIGGER audit_seal_announce AFTER INSERT ON audit_seal
    FOR EACH STATEMENT EXECUTE FUNCTION audit_seal_notify();
-- Sign-in attempts per user name, shared by every instance: five failures
-- within a minute lock the name everywhere. `name_key` is the SHA-256 of the
-- name as typed (any text, never stored); an attempt's row is written when
-- it starts (so guesses sent together count), kept when it fails, and the
-- name's rows are removed when one succeeds.
CREATE TABLE sign_in_attempt (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name_key CHAR(64) NOT NULL,
    at TIMESTAMPTZ NOT NULL
);
CREATE INDEX idx_sign_in_attempt_name ON sign_in_attempt (name_key, at);
CREATE INDEX idx_sign_in_attempt_at ON sign_in_attempt (at);
-- Down
DROP TABLE sign_in_attempt;
DROP TRIGGER audit_seal_announce ON audit_seal;
DROP FUNCTION audit_seal_notify();
DROP TRIGGER audit_event_announce ON audit_event;
DROP FUNCTION audit_event_notify();
