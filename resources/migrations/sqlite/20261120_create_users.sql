-- Migration: 20261120_create_users.sql
-- Up
-- Timestamps are UTC text (YYYY-MM-DDTHH:MM:SS.sssZ), so they sort as text.
CREATE TABLE users (
    id TEXT NOT NULL PRIMARY KEY,
    username VARCHAR(64) NOT NULL UNIQUE,
    display_name VARCHAR(255) NOT NULL DEFAULT '',
    role VARCHAR(16) NOT NULL CHECK (role IN ('requester', 'reviewer', 'admin')),
    password_hash VARCHAR(255) NOT NULL,
    disabled BOOLEAN NOT NULL DEFAULT FALSE CHECK (disabled IN (0, 1)),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE TABLE api_token (
    id TEXT NOT NULL PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    token_hash CHAR(64) NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    expires_at TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP NULL
);
CREATE INDEX idx_api_token_user ON api_token (user_id);
-- Down
DROP INDEX idx_api_token_user;
DROP TABLE api_token;
DROP TABLE users;
