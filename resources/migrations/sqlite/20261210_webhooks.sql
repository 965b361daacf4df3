-- Migration: 20261210_webhooks.sql
-- Up
-- Webhooks (docs/design.md, "Webhooks"). An endpoint: where to send, which event
-- types (`events`, the JSON array as registered; webhook_event_filter holds
-- each pattern for matching), and the signing secret, which Signoff needs in
-- clear to sign each delivery (SECURITY.md, "Webhook secrets").
CREATE TABLE webhook_endpoint (
    id TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    events TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    secret TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX idx_webhook_endpoint_created ON webhook_endpoint (created_at);
-- One row per pattern of an endpoint ("feature.approved", "order.*", "*"):
-- an audit event finds its endpoints by the patterns that match its type.
CREATE TABLE webhook_event_filter (
    pattern TEXT NOT NULL,
    endpoint_id TEXT NOT NULL REFERENCES webhook_endpoint(id) ON DELETE CASCADE,
    PRIMARY KEY (pattern, endpoint_id)
);
CREATE INDEX idx_webhook_event_filter_endpoint ON webhook_event_filter (endpoint_id);
-- The outbox: one row per (endpoint, audit event), written in the audit
-- event's own transaction; the dispatcher sends it, one at a time per
-- endpoint in the feed's order, and a lease says which process sends it now.
CREATE TABLE webhook_delivery (
    id TEXT PRIMARY KEY,
    endpoint_id TEXT NOT NULL REFERENCES webhook_endpoint(id) ON DELETE CASCADE,
    event_id INTEGER NOT NULL,
    event_type TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,
    window_start TIMESTAMP NOT NULL,
    last_attempt_at TIMESTAMP NULL,
    last_response_code INTEGER NULL,
    lease_owner TEXT NULL,
    lease_until TIMESTAMP NULL,
    UNIQUE (endpoint_id, event_id)
);
CREATE INDEX idx_webhook_delivery_pending ON webhook_delivery (endpoint_id, event_id) WHERE status = 'pending';
CREATE INDEX idx_webhook_delivery_created ON webhook_delivery (endpoint_id, created_at);
-- Every attempt at a delivery: the delivery log.
CREATE TABLE webhook_attempt (
    id INTEGER PRIMARY KEY,
    delivery_id TEXT NOT NULL REFERENCES webhook_delivery(id) ON DELETE CASCADE,
    at TIMESTAMP NOT NULL,
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
