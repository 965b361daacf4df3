#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Signoff authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Starts a throw-away PostgreSQL server for the test run: the setup of the
# ctest fixture `postgres` (CMakeLists.txt beside this file).
#
#   start.sh STATE_DIR URL_FILE
#
# The cluster lives in a fresh folder under /tmp: short enough for a Unix
# socket path, and reachable by the postgres user even when the build folder
# is somewhere only root may enter. Its superuser is `signoff`, trusted on the
# socket and on loopback only; it listens on 127.0.0.1 on a free random port.
# fsync is off: the data is thrown away after the run.
# When the server answers, postgresql://signoff@127.0.0.1:PORT/postgres is
# written to URL_FILE; STATE_DIR keeps what stop.sh needs.
set -euo pipefail

state_dir=$1
url_file=$2
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"

mkdir -p "$state_dir" "$(dirname "$url_file")"
rm -f -- "$url_file"
# A run that was interrupted (Ctrl-C, killed ctest) may have left its server behind.
stop_recorded_server

bindir=$(find_postgresql_bindir)
user=$(server_user)
root_dir=$(mktemp -d /tmp/signoff-postgres.XXXXXX)
port=''

record_state() {
    {
        printf 'root_dir=%q\n' "$root_dir"
        printf 'bindir=%q\n' "$bindir"
        printf 'user=%q\n' "$user"
        printf 'port=%q\n' "$port"
    } >"$state_file"
}
record_state

started=false
clean_up_unless_started() {
    if [[ $started != true ]]; then
        echo "PostgreSQL did not start." >&2
        for log in "$root_dir/initdb.log" "$root_dir/server.log"; do
            if [[ -f $log ]]; then
                echo "--- $log" >&2
                tail -n 40 "$log" >&2
            fi
        done
        stop_recorded_server
        rm -f -- "$url_file"
    fi
}
trap clean_up_unless_started EXIT

if [[ $(id -u) -eq 0 ]]; then
    chown "$user:" "$root_dir"
fi
chmod 700 "$root_dir"

echo "Creating a PostgreSQL cluster in $root_dir as user $user ($bindir)"
run_as "$user" "$bindir/initdb" --pgdata="$root_dir/data" --username=signoff --auth=trust \
    --encoding=UTF8 --no-locale --no-sync >"$root_dir/initdb.log" 2>&1

port_is_taken() {
    (: <>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

for attempt in 1 2 3 4 5 6 7 8; do
    port=$((20000 + RANDOM % 30000))
    if port_is_taken "$port"; then
        continue
    fi
    record_state
    rm -f -- "$root_dir/server.log" # so the grep below reads this attempt only
    echo "Starting PostgreSQL on 127.0.0.1:$port (attempt $attempt)"
    server_options=(
        -c listen_addresses=127.0.0.1 -c "port=$port" -c "unix_socket_directories=$root_dir"
        -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200
    )
    if run_as "$user" "$bindir/pg_ctl" --pgdata="$root_dir/data" --log="$root_dir/server.log" \
        --wait --timeout=60 --options="${server_options[*]}" start; then
        started=true
        break
    fi
    if ! grep -qE 'could not bind|Address already in use|could not create any TCP/IP sockets' "$root_dir/server.log"; then
        break
    fi
    echo "Port $port is taken; trying another."
    run_as "$user" "$bindir/pg_ctl" --pgdata="$root_dir/data" stop -m immediate >/dev/null 2>&1 || true
done
[[ $started == true ]] || exit 1

started=false
pg_isready --host=127.0.0.1 --port="$port" --username=signoff --dbname=postgres --timeout=30
started=true

server_pid=$(head -n 1 "$root_dir/data/postmaster.pid")
echo "PostgreSQL is running as $(ps -o user= -p "$server_pid") (pid $server_pid)"

url="postgresql://signoff@127.0.0.1:$port/postgres"
echo "$url" >"$url_file.tmp"
mv -f -- "$url_file.tmp" "$url_file"
echo "Wrote $url to $url_file"
