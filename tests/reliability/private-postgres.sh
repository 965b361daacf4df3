#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Signoff authors
# SPDX-License-Identifier: GPL-3.0-or-later
# A PostgreSQL server of one test's own, which the test may stop and start
# again while `signoff serve` uses it (the shared `postgres` fixture must keep
# running for the other tests). Reuses tests/postgres/start.sh and stop.sh.
#
#   private-postgres.sh start  STATE_DIR URL_FILE   new cluster, started; its URL in URL_FILE
#   private-postgres.sh pause  STATE_DIR            stop the server (fast shutdown), keep the data
#   private-postgres.sh resume STATE_DIR            start it again on the same port
#   private-postgres.sh stop   STATE_DIR URL_FILE   stop it and remove everything
set -euo pipefail

command=$1
state_dir=$2
url_file=${3:-$state_dir/server-url}
scripts=${SIGNOFF_POSTGRES_SCRIPTS:?SIGNOFF_POSTGRES_SCRIPTS names tests/postgres}
source "$scripts/common.sh"

case $command in
start) exec bash "$scripts/start.sh" "$state_dir" "$url_file" ;;
stop) exec bash "$scripts/stop.sh" "$state_dir" "$url_file" ;;
pause | resume)
    # shellcheck disable=SC1090
    source "$state_file"
    if [[ $command == pause ]]; then
        run_as "$user" "$bindir/pg_ctl" --pgdata="$root_dir/data" stop -m fast -w -t 60
    else
        options=(-c listen_addresses=127.0.0.1 -c "port=$port" -c "unix_socket_directories=$root_dir"
                 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200)
        run_as "$user" "$bindir/pg_ctl" --pgdata="$root_dir/data" --log="$root_dir/server.log" \
            --wait --timeout=60 --options="${options[*]}" start
    fi
    ;;
*)
    echo "usage: private-postgres.sh start|pause|resume|stop STATE_DIR [URL_FILE]" >&2
    exit 2
    ;;
esac
