#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Signoff authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Debian package from this build folder, as scripts/package does
# (without its Release configuration and hardening flags), into SIGNOFF_DEB_DIR.
source "$(dirname "$0")/common.sh"
require_tools dpkg-shlibdeps

rm -rf "$SIGNOFF_DEB_DIR"
"$SIGNOFF_CPACK" -G DEB --config "$SIGNOFF_BUILD_DIR/CPackConfig.cmake" -B "$SIGNOFF_DEB_DIR"
note "built $(deb_file)"
