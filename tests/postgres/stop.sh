#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Signoff authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Stops the server that start.sh started and removes its folder: the cleanup
# of the ctest fixture `postgres`, which ctest runs also when tests fail.
# The server's log is kept as STATE_DIR/server.log.
#
#   stop.sh STATE_DIR URL_FILE
set -euo pipefail

state_dir=$1
url_file=$2
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"

rm -f -- "$url_file"
if [[ ! -f $state_file ]]; then
    echo "No PostgreSQL server recorded in $state_dir: nothing to stop."
    exit 0
fi
stop_recorded_server
