#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Signoff authors
# SPDX-License-Identifier: GPL-3.0-or-later
# lintian on the package: no errors and no warnings. Informational tags are
# shown but allowed (e.g. hardening-no-bindnow here: the test build does not
# use dpkg-buildflags, scripts/package does).
source "$(dirname "$0")/common.sh"
require_tools lintian

status=0
output=$(lintian --fail-on error,warning --display-info "$(deb_file)" 2>&1) || status=$?
# lintian warns when it runs as root; that line is not about the package.
grep -v 'running with root privileges' <<<"$output" || true
((status == 0)) || fail "lintian reports errors or warnings (above)"
note "lintian: no errors, no warnings"
