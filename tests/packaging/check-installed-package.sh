#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Signoff authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the package with dpkg into a fresh root (an empty dpkg database and
# an empty /etc) and checks what a user and an administrator get:
#   * the control fields, with dependencies computed by dpkg-shlibdeps plus
#     the Qt plugins it cannot see;
#   * the maintainer scripts, run by dpkg (chrootless, DPKG_ROOT set), create
#     the system user and /var/lib/signoff in that root and nothing on this
#     machine; purging removes the files and keeps the data folder;
#   * the installed program runs (on this machine's Qt) and opens a database;
#   * the desktop entry, AppStream metadata, icons, man page and systemd unit
#     pass their validators.
source "$(dirname "$0")/common.sh"
require_tools dpkg dpkg-deb desktop-file-validate appstreamcli man systemd-analyze systemd-sysusers

package=$(deb_file)
root="$SIGNOFF_TEST_WORK/root"
if (($(id -u) != 0)); then
    # dpkg --root and the maintainer scripts' chown need root (CI runs as root).
    echo "SKIP: installing into a fresh root needs root"
    exit 77
fi
app_id=org.example.Signoff

note "control fields"
field() { dpkg-deb --field "$package" "$1"; }
[[ $(field Package) == signoff ]] || fail "Package is $(field Package)"
[[ $(field Version) == "$SIGNOFF_VERSION" ]] || fail "Version is $(field Version), the project is $SIGNOFF_VERSION"
for name in Maintainer Section Priority Homepage Description; do
    [[ -n $(field "$name") ]] || fail "no $name field"
done
depends=$(field Depends)
echo "Depends: $depends"
# Explicit: plugins. Computed by dpkg-shlibdeps: the libraries the binary links.
for dependency in libqt6sql6-sqlite libqt6sql6-psql qt6-qpa-plugins adduser libqt6core6 libqt6sql6 libsodium23 libc6; do
    grep -Eq "(^|, )$dependency( |,|$)" <<<"$depends" || fail "Depends lacks $dependency"
done

note "installing into $root"
host_had_user=no
getent passwd signoff >/dev/null && host_had_user=yes
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/etc"
touch "$root/var/lib/dpkg/status"
# --force-depends: the fresh root has none of the dependencies; the program
# runs on this machine's libraries below.
dpkg --root="$root" --force-depends --force-script-chrootless --install "$package"
[[ $(dpkg-query --admindir="$root/var/lib/dpkg" --show --showformat='${db:Status-Status}' signoff) == installed ]] \
    || fail "dpkg does not list signoff as installed"

note "system user and state folder"
# postinst made them with systemd-sysusers from usr/lib/sysusers.d/signoff.conf.
grep -q '^signoff:[^:]*:[0-9]*:[0-9]*:[^:]*:/var/lib/signoff:/usr/sbin/nologin$' "$root/etc/passwd" \
    || fail "postinst did not create the system user signoff (home /var/lib/signoff, no shell): $(cat "$root/etc/passwd")"
uid=$(awk -F: '$1 == "signoff" { print $3 }' "$root/etc/passwd")
((uid < 1000)) || fail "signoff has UID $uid, not a system UID"
[[ $(stat -c '%a %u' "$root/var/lib/signoff") == "700 $uid" ]] || fail "/var/lib/signoff is $(stat -c '%a %u' "$root/var/lib/signoff")"
if [[ $host_had_user == no ]] && getent passwd signoff >/dev/null; then
    fail "installing into $root created the user signoff on this machine"
fi

note "files"
for file in \
    usr/bin/signoff \
    usr/share/applications/$app_id.desktop \
    usr/share/metainfo/$app_id.metainfo.xml \
    usr/share/icons/hicolor/scalable/apps/$app_id.svg \
    usr/share/man/man1/signoff.1.gz \
    usr/share/doc/signoff/copyright \
    usr/share/doc/signoff/changelog.gz \
    usr/lib/systemd/system/signoff.service \
    usr/lib/sysusers.d/signoff.conf; do
    [[ -f $root/$file ]] || fail "the package does not install /$file"
done
for size in 16 22 24 32 48 64 128 256; do
    png="$root/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
    [[ -f $png ]] || fail "no ${size}x${size} icon"
    # PNG: width and height are big-endian 32-bit numbers at bytes 16 and 20.
    read -r width height < <(od -An -tu4 --endian=big -j16 -N8 "$png")
    [[ "$width $height" == "$size $size" ]] || fail "the ${size}x${size} icon is ${width}x${height}"
done
if [[ -f $SIGNOFF_SOURCE_DIR/packaging/prometheus/signoff-alerts.yml ]]; then
    [[ -f $root/usr/share/signoff/prometheus/signoff-alerts.yml ]] || fail "the Prometheus alert rules are not installed"
fi
[[ -f $root/usr/share/signoff/haproxy/signoff.cfg ]] || fail "the HAProxy configuration is not installed"

note "the installed program"
version=$("$root/usr/bin/signoff" --version)
[[ $version == "signoff $SIGNOFF_VERSION" ]] || fail "signoff --version says '$version'"
echo "$version"
# Opens (creates and migrates) an SQLite database: the system's SQL driver
# plugin and the migrations compiled into the binary are found.
"$root/usr/bin/signoff" --database "$SIGNOFF_TEST_WORK/fresh.db" migrate up
"$root/usr/bin/signoff" --database "$SIGNOFF_TEST_WORK/fresh.db" migrate status | tail -n 1 | grep -q 'up to date' \
    || fail "the installed program did not migrate a fresh database"

note "desktop entry and AppStream metadata"
desktop-file-validate "$root/usr/share/applications/$app_id.desktop"
appstreamcli validate --no-net "$root/usr/share/metainfo/$app_id.metainfo.xml"

note "man page"
gzip -t "$root/usr/share/man/man1/signoff.1.gz"
warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$root/usr/share/man/man1/signoff.1.gz" 2>&1 >/dev/null)
[[ -z $warnings ]] || fail "man reports: $warnings"

note "systemd unit"
unit="$root/usr/lib/systemd/system/signoff.service"
grep -q '^ExecStart=/usr/bin/signoff serve ' "$unit" || fail "the unit does not run signoff serve"
grep -q '^User=signoff$' "$unit" || fail "the unit does not run as the user signoff"
# verify checks the unit's syntax and that ExecStart's program and the
# documentation exist: both are looked up on this machine, so point them at
# the installed tree.
sed -e "s|/usr/bin/signoff|$root/usr/bin/signoff|" -e '/^Documentation=/d' "$unit" >"$SIGNOFF_TEST_WORK/signoff.service"
SYSTEMD_LOG_LEVEL=warning systemd-analyze verify "$SIGNOFF_TEST_WORK/signoff.service"
# Exposure 0 (locked down) .. 100 (none); "OK" ends at 39. The hardening
# options keep it at about 12.
systemd-analyze security --offline=true --threshold=20 --no-pager "$SIGNOFF_TEST_WORK/signoff.service" | tail -n 1

note "purging"
dpkg --root="$root" --force-depends --force-script-chrootless --purge signoff
[[ ! -e $root/usr/bin/signoff ]] || fail "purging left /usr/bin/signoff"
[[ -d $root/var/lib/signoff ]] || fail "purging removed /var/lib/signoff, where the data is"

note "the package installs, runs, validates and purges"
