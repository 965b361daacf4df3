-- Migration: 20260101_fuzz.sql
-- Up
ALTER TABLE users ADD COLUMN last_login_at TIMESTAMPTZ NULL;
-- Down
ALTER TABLE users DROP COLUMN last_login_at;
