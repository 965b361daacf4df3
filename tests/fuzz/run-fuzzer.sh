#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Signoff authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one libFuzzer target for a bounded time over its checked-in inputs.
#
#   run-fuzzer.sh BINARY SECONDS WORK_DIR SEEDS_DIR REGRESSIONS_DIR
#
# The inputs of SEEDS_DIR and REGRESSIONS_DIR run first (a crash there fails
# at once); then libFuzzer mutates for SECONDS, keeping what it learns in
# WORK_DIR/corpus (never in the source tree). A crash leaves the input in
# WORK_DIR as crash-*, leak-* or timeout-*: copy it into REGRESSIONS_DIR
# (tests/fuzz/regressions/<target>/) when the bug is fixed, so it stays fixed.
# Used by ctest (tests/fuzz/CMakeLists.txt) and by scripts/fuzz.
set -euo pipefail

binary=$1
seconds=$2
work_dir=$3
seeds=$4
regressions=$5

mkdir -p "$work_dir/corpus"
inputs=("$work_dir/corpus" "$seeds")
[[ -d $regressions ]] && inputs+=("$regressions")

# -timeout: one input may take at most 10 s (a hang is a finding too);
# -rss_limit_mb: memory per process; -print_final_stats: what was covered.
exec "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$work_dir/" "${inputs[@]}"
