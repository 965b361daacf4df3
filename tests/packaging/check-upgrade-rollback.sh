#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Signoff authors
# SPDX-License-Identifier: GPL-3.0-or-later
# The upgrade path and the rollback plan, on an SQLite database full of data:
#
#   rollback  `signoff migrate down --steps 1` takes the database back to the
#             schema of the previous release (simulated: the bundled
#             migrations minus the newest one). Everything the previous
#             schema has keeps its values; what the newest migration added is
#             dropped.
#   refusal   an older program meets a newer schema: it refuses with status 1
#             and changes nothing (simulated with a version from the future).
#   upgrade   the newer program opens the older database: it copies it to
#             DATABASE.before-VERSION.bak, applies the migration, and the data
#             is intact; the copy holds the older schema with the same data.
source "$(dirname "$0")/common.sh"
require_tools sqlite3 cmp

work="$SIGNOFF_TEST_WORK"
database="$work/signoff.db"
signoff() { "$SIGNOFF_BINARY" --database "$database" "$@"; }
sql() { sqlite3 -bail "$database" "$@"; }

# Every table but schema_migrations, with the columns that $2 (a database file)
# has, rows in insertion order, values quoted: equal dumps mean equal data.
dump() {
    local data=$1 schema=$2 table columns
    for table in $(sqlite3 "$schema" "SELECT name FROM sqlite_master WHERE type = 'table'
                                      AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name"); do
        columns=$(sqlite3 "$schema" "SELECT group_concat('\"' || name || '\"', ', ') FROM pragma_table_info('$table')")
        echo "== $table: $columns"
        sqlite3 -cmd '.mode quote' "$data" "SELECT $columns FROM \"$table\" ORDER BY rowid"
    done
}

newest_applied() { signoff migrate status | awk '$2 == "applied" { version = $1 } END { print version }'; }

note "a database at the current schema, with data in every table"
printf 'first-password-1\n' | signoff user add alice --role reviewer --display-name 'Alice Reviewer'
printf 'second-password-2\n' | signoff user add bob --role requester
alice=$(sql "SELECT id FROM users WHERE username = 'alice'")
bob=$(sql "SELECT id FROM users WHERE username = 'bob'")
sql <<SQL
INSERT INTO product (id, sku, name, price_cents) VALUES ('0b7e4f0e-5a43-4c39-9a1f-5c0f5ab0a001', 'PEN-1', 'Fountain pen', 1250);
INSERT INTO feature_data (id, name, options, status, owner_id, version)
    VALUES ('0b7e4f0e-5a43-4c39-9a1f-5c0f5ab0a002', 'Dark mode', '{"contrast":"high","levels":[1,2]}', 'pending', '$bob', 2);
INSERT INTO orders (id, owner_id, status, note, version)
    VALUES ('0b7e4f0e-5a43-4c39-9a1f-5c0f5ab0a003', '$bob', 'approved', 'Für das Büro', 3);
INSERT INTO line_item (id, order_id, product_id, position, quantity, unit_price_cents)
    VALUES ('0b7e4f0e-5a43-4c39-9a1f-5c0f5ab0a004', '0b7e4f0e-5a43-4c39-9a1f-5c0f5ab0a003',
            '0b7e4f0e-5a43-4c39-9a1f-5c0f5ab0a001', 1, 3, 1250);
INSERT INTO audit_event (actor_id, actor_username, action, entity_type, entity_id, from_status, to_status, version, comment, detail)
    VALUES ('$alice', 'alice', 'approve', 'order', '0b7e4f0e-5a43-4c39-9a1f-5c0f5ab0a003', 'pending', 'approved', 3, 'fine', '{"total_cents":3750}');
INSERT INTO api_token (id, user_id, token_hash, expires_at)
    VALUES ('0b7e4f0e-5a43-4c39-9a1f-5c0f5ab0a005', '$alice', '$(printf 'a%.0s' {1..64})', '2026-12-31T00:00:00.000Z');
SQL
current=$(newest_applied)
[[ -n $current ]] || fail "no migration applied"
signoff migrate status | tail -n 1 | grep -q 'up to date' || fail "the new database is not at the current schema"
signoff backup "$work/current.db" >/dev/null
note "current schema: $current"

note "rollback: migrate down one step, to the previous release's schema"
signoff migrate down --steps 1
previous=$(newest_applied)
[[ -n $previous && $previous < $current ]] || fail "after migrate down the newest applied version is '$previous'"
signoff migrate status | tail -n 1 | grep -q '1 migration(s) pending' || fail "migrate status does not show one pending migration"
[[ $(sql 'PRAGMA integrity_check') == ok ]] || fail "the rolled-back database fails integrity_check"
[[ -z $(sql 'PRAGMA foreign_key_check') ]] || fail "the rolled-back database has dangling references"
dump "$work/current.db" "$database" >"$work/expected.txt"
dump "$database" "$database" >"$work/rolled-back.txt"
diff -u "$work/expected.txt" "$work/rolled-back.txt" || fail "migrate down changed data the previous schema keeps"
note "schema $previous, data intact"

note "refusal: a program older than the schema changes nothing"
cp "$database" "$work/future.db"
sqlite3 "$work/future.db" "INSERT INTO schema_migrations (version) VALUES ('29991231_from_the_future')"
cp "$work/future.db" "$work/future-before.db"
status=0
"$SIGNOFF_BINARY" --database "$work/future.db" user list >"$work/refusal.txt" 2>&1 || status=$?
cat "$work/refusal.txt"
((status == 1)) || fail "a newer schema gave exit status $status, not 1"
grep -q 29991231_from_the_future "$work/refusal.txt" || fail "the refusal does not name the newer schema"
cmp -s "$work/future.db" "$work/future-before.db" || fail "the refused database was changed"
compgen -G "$work/future.db.before-*" >/dev/null && fail "a refused database was copied as if for a migration"

note "upgrade: the newer program opens the older database"
signoff user list | tee "$work/users.txt"
for user in alice bob; do
    grep -q "^$user " "$work/users.txt" || fail "$user is not listed after the upgrade"
done
[[ $(newest_applied) == "$current" ]] || fail "the upgrade did not bring the schema back to $current"
signoff migrate status | tail -n 1 | grep -q 'up to date' || fail "migrations pending after the upgrade"
backup="$database.before-$current.bak"
[[ -f $backup ]] || fail "no copy $backup before the upgrade (found: $(ls "$work"))"
dump "$database" "$backup" >"$work/upgraded.txt"
diff -u "$work/rolled-back.txt" "$work/upgraded.txt" || fail "the upgrade changed data"
dump "$backup" "$backup" >"$work/backup.txt"
diff -u "$work/rolled-back.txt" "$work/backup.txt" || fail "the copy before the upgrade differs from the database it copied"
[[ $(sqlite3 "$backup" "SELECT max(version) FROM schema_migrations") == "$previous" ]] \
    || fail "the copy before the upgrade is not at schema $previous"
[[ $(sql 'PRAGMA integrity_check') == ok ]] || fail "the upgraded database fails integrity_check"

note "round trip $current -> $previous -> $current keeps the data; copy at $(basename "$backup")"
