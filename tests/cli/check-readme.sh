#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Signoff authors
# SPDX-License-Identifier: GPL-3.0-or-later
# The README's "Command line" block is `signoff --help`, word for word, so
# the two cannot drift apart (the man page has its own test,
# packaging_manpage). Usage: check-readme.sh SIGNOFF_BINARY README
set -euo pipefail

binary=$1
readme=$2

# The first fenced block after the heading "## Command line".
documented=$(awk '/^## Command line$/ { section = 1; next }
                  section && /^## / { exit }
                  section && /^```/ { if (inside) exit; inside = 1; next }
                  inside { print }' "$readme")
[[ -n $documented ]] || { echo "FAIL: no block under '## Command line' in $readme" >&2; exit 1; }

printed=$("$binary" --help)
if [[ $documented != "$printed" ]]; then
    diff -u --label "README.md, Command line" --label "signoff --help" <(printf '%s\n' "$documented") <(printf '%s\n' "$printed") || true
    echo "FAIL: the README's command line differs from signoff --help (above): change both together" >&2
    exit 1
fi
echo "the README's command line is signoff --help ($(wc -l <<<"$printed") lines)"
