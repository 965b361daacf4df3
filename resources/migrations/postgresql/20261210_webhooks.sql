-- Migration: 20261210_webhooks.sql
-- Up
-- Webhooks (docs/design.md, "Webhooks"). An endpoint: where to send, which event
-- types (`events`, the JSON array as registered; webhook_event_filter holds
-- each pattern for matching), and the signing secret, which Signoff needs in
-- clear to sign each delivery (SECURITY.md, "Webhook secrets").
CREATE TABLE webhook_endpoint (
    id UUID PRIMARY KEY,
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    url TEXT NOT NULL,
    events TEXT NOT NULL,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    secret TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX idx_webhook_endpoint_created ON webhook_endpoint (created_at, seq);
-- One row per pattern of an endpoint ("feature.approved", "order.*", "*"):
-- an audit event finds its endpoints by the patterns that match its type.
CREATE TABLE webhook_event_filter (
    pattern TEXT NOT NULL,
    endpoint_id UUID NOT NULL REFERENCES webhook_endpoint(id) ON DELETE CASCADE,
    PRIMARY KEY (pattern, endpoint_id)
);
CREATE INDEX idx_webhook_event_filter_endpoint ON webhook_event_filter (endpoint_id);
-- The outbox: one row per (endpoint, audit event), written in the audit
-- event's own transaction; the dispatcher sends it, one at a time per
-- endpoint in the feed's order, and a lease says which process sends it now
-- (claimed with FOR UPDATE SKIP LOCKED).
CREATE TABLE webhook_delivery (
    id UUID PRIMARY KEY,
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    endpoint_id UUID NOT NULL REFERENCES webhook_endpoint(id) ON DELETE CASCADE,
    event_id BIGINT NOT NULL,
    event_type TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    last_attempt_at TIMESTAMPTZ NULL,
    last_response_code INTEGER NULL,
    lease_owner TEXT NULL,
    lease_until TIMESTAMPTZ NULL,
    UNIQUE (endpoint_id, event_id)
);
CREATE INDEX idx_webhook_delivery_pending ON webhook_delivery (endpoint_id, event_id) WHERE status = 'pending';
CREATE INDEX idx_webhook_delivery_created ON webhook_delivery (endpoint_id, created_at, seq);
-- Every attempt at a delivery: the delivery log.
CREATE TABLE webhook_attempt (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id UUID NOT NULL REFERENCES webhook_delivery(id) ON DELETE CASCADE,
    at TIMESTAMPTZ NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('delivered', 'retry', 'failed')),
    response_code INTEGER NULL,
    duration_ms INTEGER NOT NULL,
    response TEXT NOT NULL DEFAULT '',
    error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_webhook_attempt_delivery ON webhook_attempt (delivery_id, id);
-- Down
DROP INDEX idx_webhook_attempt_delivery;
DROP TABLE webhook_attempt;
DROP INDEX idx_webhook_delivery_created;
DROP INDEX idx_webhook_delivery_pending;
DROP TABLE webhook_delivery;
DROP INDEX idx_webhook_event_filter_endpoint;
DROP TABLE webhook_event_filter;
DROP INDEX idx_webhook_endpoint_created;
DROP TABLE webhook_endpoint;
