-- Migration: 20261130_add_users_last_login_at.sql
-- Up
ALTER TABLE users ADD COLUMN last_login_at TIMESTAMP NULL;
-- Down
ALTER TABLE users DROP COLUMN last_login_at;
