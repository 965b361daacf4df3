# SPDX-FileCopyrightText: 2026 The Signoff authors
# SPDX-License-Identifier: GPL-3.0-or-later
# shellcheck shell=bash
# Shared by the packaging test scripts (sourced). The environment comes from
# tests/packaging/CMakeLists.txt; SIGNOFF_TEST_WORK is this test's own
# scratch folder, emptied at the start.
set -euo pipefail

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

note() {
    echo "-- $*"
}

require_tools() {
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null || fail "$tool is not installed: run scripts/install-dependencies"
    done
}

# The one package cpack wrote for this version.
deb_file() {
    local architecture file
    architecture=$(dpkg --print-architecture)
    file="$SIGNOFF_DEB_DIR/signoff_${SIGNOFF_VERSION}_$architecture.deb"
    [[ -f $file ]] || fail "no package $file (the packaging_deb test builds it)"
    echo "$file"
}

rm -rf "$SIGNOFF_TEST_WORK"
mkdir -p "$SIGNOFF_TEST_WORK"
