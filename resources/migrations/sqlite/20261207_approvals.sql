-- Migration: 20261207_approvals.sql
-- Up
-- The approval policy (docs/design.md, "Approval policies"): one row, its document in
-- the contract's JSON, read whole when an item is submitted.
CREATE TABLE approval_policy (
    id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    document TEXT NOT NULL CHECK (json_valid(document)),
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
INSERT INTO approval_policy (id, document)
VALUES (1, '{"feature":{"required_approvals":1},"order":{"required_approvals":1,"thresholds":[]}}');
-- The number of approvals an item needs, fixed when it is submitted, and
-- the version it got then: approvals belong to that submission.
ALTER TABLE feature_data ADD COLUMN required_approvals INTEGER NOT NULL DEFAULT 1
    CHECK (required_approvals BETWEEN 1 AND 5);
ALTER TABLE feature_data ADD COLUMN submitted_version INTEGER NULL;
ALTER TABLE orders ADD COLUMN required_approvals INTEGER NOT NULL DEFAULT 1
    CHECK (required_approvals BETWEEN 1 AND 5);
ALTER TABLE orders ADD COLUMN submitted_version INTEGER NULL;
-- One approval per person per submission: the unique key, not a lookup,
-- is what makes a second one impossible.
CREATE TABLE feature_approval (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    feature_id TEXT NOT NULL REFERENCES feature_data(id) ON DELETE CASCADE,
    submission INTEGER NOT NULL,
    approver_id TEXT NOT NULL REFERENCES users(id),
    approved_at TIMESTAMP NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    UNIQUE (feature_id, submission, approver_id)
);
CREATE TABLE order_approval (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id TEXT NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    submission INTEGER NOT NULL,
    approver_id TEXT NOT NULL REFERENCES users(id),
    approved_at TIMESTAMP NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    UNIQUE (order_id, submission, approver_id)
);
CREATE INDEX idx_feature_approval_approver ON feature_approval (approver_id);
CREATE INDEX idx_order_approval_approver ON order_approval (approver_id);
-- Items submitted before: one approval was needed. A pending item was
-- submitted at its version; an approved or rejected one at the version
-- before its decision, and an approved one keeps the approval that
-- decided it, as the audit log recorded it.
UPDATE feature_data SET submitted_version = version WHERE status = 'pending';
UPDATE feature_data SET submitted_version = version - 1 WHERE status IN ('approved', 'rejected');
UPDATE orders SET submitted_version = version WHERE status = 'pending';
UPDATE orders SET submitted_version = version - 1 WHERE status IN ('approved', 'rejected');
INSERT INTO feature_approval (feature_id, submission, approver_id, approved_at, comment)
SELECT f.id, f.submitted_version, a.actor_id, a.at, COALESCE(a.comment, '')
FROM feature_data f
JOIN audit_event a ON a.entity_type = 'feature' AND a.entity_id = f.id AND a.action = 'approve' AND a.version = f.version
WHERE f.status = 'approved' AND a.actor_id IS NOT NULL;
INSERT INTO order_approval (order_id, submission, approver_id, approved_at, comment)
SELECT o.id, o.submitted_version, a.actor_id, a.at, COALESCE(a.comment, '')
FROM orders o
JOIN audit_event a ON a.entity_type = 'order' AND a.entity_id = o.id AND a.action = 'approve' AND a.version = o.version
WHERE o.status = 'approved' AND a.actor_id IS NOT NULL;
-- Down
DROP INDEX idx_order_approval_approver;
DROP INDEX idx_feature_approval_approver;
DROP TABLE order_approval;
DROP TABLE feature_approval;
ALTER TABLE orders DROP COLUMN submitted_version;
ALTER TABLE orders DROP COLUMN required_approvals;
ALTER TABLE feature_data DROP COLUMN submitted_version;
ALTER TABLE feature_data DROP COLUMN required_approvals;
DROP TABLE approval_policy;
