#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Signoff authors
# SPDX-License-Identifier: GPL-3.0-or-later
# packaging/haproxy/signoff.cfg is a configuration HAProxy accepts, and it
# checks the instances' /readyz.
source "$(dirname "$0")/common.sh"
require_tools haproxy

config="$SIGNOFF_SOURCE_DIR/packaging/haproxy/signoff.cfg"
note "haproxy -c"
haproxy -c -q -f "$config" || fail "HAProxy refuses $config"
grep -q 'option httpchk GET /readyz' "$config" || fail "$config does not check /readyz"
echo "ok"
