-- Migration: 20261213_cluster.sql
-- Up
-- Sign-in attempts per user name, shared by every process on the database:
-- five failures within a minute lock the name everywhere. `name_key` is the
-- SHA-256 of the name as typed (any text, never stored); an attempt's row is
-- written when it starts (so guesses sent together count), kept when it
-- fails, and the name's rows are removed when one succeeds. (PostgreSQL
-- also announces changes with NOTIFY here; SQLite has no such thing, and
-- its processes keep watching the ordered feed.)
CREATE TABLE sign_in_attempt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name_key CHAR(64) NOT NULL,
    at TIMESTAMP NOT NULL
);
CREATE INDEX idx_sign_in_attempt_name ON sign_in_attempt (name_key, at);
CREATE INDEX idx_sign_in_attempt_at ON sign_in_attempt (at);
-- Down
DROP TABLE sign_in_attempt;
