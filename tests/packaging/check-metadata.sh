#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Signoff authors
# SPDX-License-Identifier: GPL-3.0-or-later
# The packaging sources agree with each other and with the project:
#   * one application id, org.example.Signoff: the desktop entry's file name,
#     its Icon=, the metainfo's <id> and <launchable>, the icon files;
#   * the project version (CMakeLists.txt) has a <release> in the metainfo and
#     is the newest entry of the Debian changelog;
#   * the committed PNGs are those render-pngs makes from the SVG (sizes).
# The validators run on the installed files in packaging_deb_install.
source "$(dirname "$0")/common.sh"

linux="$SIGNOFF_SOURCE_DIR/packaging/linux"
app_id=org.example.Signoff
desktop="$linux/$app_id.desktop"
metainfo="$linux/$app_id.metainfo.xml"

note "application id $app_id"
[[ -f $desktop ]] || fail "no $desktop"
[[ -f $metainfo ]] || fail "no $metainfo"
grep -qx "Icon=$app_id" "$desktop" || fail "the desktop entry's Icon= is not $app_id"
grep -qx "Exec=signoff" "$desktop" || fail "the desktop entry does not start signoff"
grep -q "<id>$app_id</id>" "$metainfo" || fail "the metainfo's id is not $app_id"
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" || fail "the metainfo does not launch $app_id.desktop"
[[ -f $linux/icons/$app_id.svg ]] || fail "no scalable icon $app_id.svg"

note "version $SIGNOFF_VERSION"
grep -q "<release version=\"$SIGNOFF_VERSION\" date=\"[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]\"" "$metainfo" \
    || fail "the metainfo has no <release version=\"$SIGNOFF_VERSION\" date=...> (add one when the version changes)"
changelog_version=$(sed -nE '1s/^signoff \(([^)]*)\).*/\1/p' "$SIGNOFF_SOURCE_DIR/packaging/debian/changelog")
[[ $changelog_version == "$SIGNOFF_VERSION" ]] \
    || fail "the newest entry of packaging/debian/changelog is '$changelog_version', the project is $SIGNOFF_VERSION"

note "icon sizes"
sizes=$(sed -nE 's/^for size in (.*); do$/\1/p' "$linux/icons/render-pngs")
[[ -n $sizes ]] || fail "cannot read the sizes from render-pngs"
for size in $sizes; do
    png="$linux/icons/hicolor/${size}x${size}/apps/$app_id.png"
    [[ -f $png ]] || fail "no ${size}x${size} PNG: run packaging/linux/icons/render-pngs"
    read -r width height < <(od -An -tu4 --endian=big -j16 -N8 "$png")
    [[ "$width $height" == "$size $size" ]] || fail "$png is ${width}x${height}"
done
[[ $(find "$linux/icons/hicolor" -name '*.png' | wc -l) -eq $(wc -w <<<"$sizes") ]] \
    || fail "hicolor/ has PNGs render-pngs does not make"

note "the packaging sources agree"
