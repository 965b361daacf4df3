# SPDX-FileCopyrightText: 2026 The Signoff authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by start.sh and stop.sh (sourced, not run). Expects $state_dir and $url_file.

state_file="$state_dir/server.state"

# The newest PostgreSQL installed under /usr/lib/postgresql (Debian), else pg_ctl on PATH.
find_postgresql_bindir() {
    local newest
    newest=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
    if [[ -n $newest && -x $newest/pg_ctl && -x $newest/initdb ]]; then
        echo "$newest"
    elif command -v pg_ctl >/dev/null && command -v initdb >/dev/null; then
        dirname "$(command -v pg_ctl)"
    else
        echo "No PostgreSQL server programs found (initdb, pg_ctl): run scripts/install-dependencies." >&2
        return 1
    fi
}

# PostgreSQL refuses to run as root: root hands the server to the postgres
# system user, anybody else runs it as themselves.
server_user() {
    if [[ $(id -u) -ne 0 ]]; then
        id -un
    elif id postgres >/dev/null 2>&1; then
        echo postgres
    else
        echo "Running as root, but there is no 'postgres' user to run the server as (install the postgresql package)." >&2
        return 1
    fi
}

run_as() {
    local user=$1
    shift
    if [[ $(id -u) -eq 0 && $user != root ]]; then
        runuser -u "$user" -- "$@"
    else
        "$@"
    fi
}

# Stops the server recorded in the state file (if any) and removes its folder.
stop_recorded_server() {
    [[ -f $state_file ]] || return 0
    local root_dir='' bindir='' user='' port=''
    # shellcheck disable=SC1090
    source "$state_file"
    if [[ -n $root_dir && -f $root_dir/data/postmaster.pid ]]; then
        echo "Stopping PostgreSQL on port ${port:-?} ($root_dir)"
        run_as "$user" "$bindir/pg_ctl" -D "$root_dir/data" stop -m fast -w -t 60 \
            || echo "pg_ctl stop failed; the server may have gone already." >&2
    fi
    if [[ -n $root_dir && -f $root_dir/server.log ]]; then
        cp "$root_dir/server.log" "$state_dir/server.log" 2>/dev/null || true
    fi
    # Only ever remove a folder this fixture made.
    if [[ $root_dir == /tmp/signoff-postgres.* ]]; then
        rm -rf -- "$root_dir"
    fi
    rm -f -- "$state_file"
}
