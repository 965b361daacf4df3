# SPDX-FileCopyrightText: 2026 The Signoff authors
# SPDX-License-Identifier: GPL-3.0-or-later
# What `cmake --install` puts where, and the Debian package made from it
# (`cpack -G DEB`; scripts/package runs the whole thing). The binary's own
# install() rule is in app/CMakeLists.txt; everything else that is installed
# comes from packaging/:
#
#   bin/signoff                                      app/CMakeLists.txt
#   share/applications/org.example.Signoff.desktop   packaging/linux/
#   share/metainfo/org.example.Signoff.metainfo.xml  packaging/linux/
#   share/icons/hicolor/{scalable,NxN}/apps/         packaging/linux/icons/
#   share/man/man1/signoff.1.gz                      packaging/man/signoff.1.in
#   share/doc/signoff/{copyright,changelog.gz}       packaging/debian/
#   share/lintian/overrides/signoff                  packaging/debian/lintian-overrides
#   lib/systemd/system/signoff.service               packaging/systemd/
#   lib/sysusers.d/signoff.conf                      packaging/systemd/signoff.sysusers
#   share/signoff/prometheus/signoff-alerts.yml      packaging/prometheus/
#   share/signoff/haproxy/signoff.cfg                packaging/haproxy/
#
# Paths are relative to the prefix, which the package sets to /usr. The .qm
# translations are compiled into the binary (:/i18n), so none are installed.

include(GNUInstallDirs)

set(SIGNOFF_APP_ID "org.example.Signoff")
set(signoff_packaging_source "${PROJECT_SOURCE_DIR}/packaging")
set(signoff_packaging_build "${PROJECT_BINARY_DIR}/packaging")

# Desktop integration.
install(FILES "${signoff_packaging_source}/linux/${SIGNOFF_APP_ID}.desktop"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
install(FILES "${signoff_packaging_source}/linux/${SIGNOFF_APP_ID}.metainfo.xml"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
install(FILES "${signoff_packaging_source}/linux/icons/${SIGNOFF_APP_ID}.svg"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps")
install(DIRECTORY "${signoff_packaging_source}/linux/icons/hicolor"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/icons"
        FILES_MATCHING PATTERN "*.png")

# The man page (with this version) and the Debian changelog, compressed the
# way Debian wants them: gzip -9, no name or time stamp in the header.
configure_file("${signoff_packaging_source}/man/signoff.1.in" "${signoff_packaging_build}/signoff.1" @ONLY)
configure_file("${signoff_packaging_source}/debian/changelog" "${signoff_packaging_build}/changelog" COPYONLY)
add_custom_command(
    OUTPUT "${signoff_packaging_build}/signoff.1.gz" "${signoff_packaging_build}/changelog.gz"
    COMMAND gzip -9 -n -k -f signoff.1 changelog
    DEPENDS "${signoff_packaging_build}/signoff.1" "${signoff_packaging_build}/changelog"
    WORKING_DIRECTORY "${signoff_packaging_build}"
    COMMENT "Compressing the man page and the changelog"
    VERBATIM)
add_custom_target(signoff_packaging_files ALL
    DEPENDS "${signoff_packaging_build}/signoff.1.gz" "${signoff_packaging_build}/changelog.gz")
install(FILES "${signoff_packaging_build}/signoff.1.gz" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
install(FILES "${signoff_packaging_source}/debian/copyright" "${signoff_packaging_build}/changelog.gz"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/signoff")
install(FILES "${signoff_packaging_source}/debian/lintian-overrides"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/lintian/overrides" RENAME signoff)

# Server operation. systemd reads units from /usr/lib/systemd/system and
# sysusers.d snippets from /usr/lib/sysusers.d (also under /usr/local).
install(FILES "${signoff_packaging_source}/systemd/signoff.service" DESTINATION "lib/systemd/system")
install(FILES "${signoff_packaging_source}/systemd/signoff.sysusers"
        DESTINATION "lib/sysusers.d" RENAME signoff.conf)
# Written with the REST server's metrics; OPTIONAL so that a tree without it
# still installs (the packaging tests require it once the file exists).
install(FILES "${signoff_packaging_source}/prometheus/signoff-alerts.yml"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/signoff/prometheus" OPTIONAL)
# An example for several instances behind HAProxy (docs/design.md, "Several
# instances").
install(FILES "${signoff_packaging_source}/haproxy/signoff.cfg"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/signoff/haproxy")

# The Debian package.
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "signoff")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "The Signoff developers")
set(CPACK_PACKAGE_CONTACT "The Signoff developers <signoff@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "approval desk with an embedded REST server")
# Debian's long description: lines of at most 80 characters.
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
    "Signoff is a desktop approval desk: people create features and orders"
    "through forms and submit them for review, and reviewers approve or reject"
    "them, with an audit trail of every step."
    "."
    "The same operations are served as a REST API by an HTTP server built into"
    "the application, or without a window by the system service signoff.service,"
    "so scripts and other programs work on the same data. Signoff stores its"
    "data in SQLite or PostgreSQL.")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

set(CPACK_DEBIAN_FILE_NAME "DEB-DEFAULT") # signoff_VERSION_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
# Shared libraries are found by dpkg-shlibdeps; Qt's plugins are loaded at run
# time, where it cannot see them: the SQL drivers for both databases and the
# platform plugins that open a window (libqt6gui6 only recommends those).
# adduser creates the service's user where systemd-sysusers is missing.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6sql6-psql, qt6-qpa-plugins, adduser")
# Wayland sessions, and Qt's own German strings (standard buttons).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "postgresql, prometheus")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${signoff_packaging_source}/debian/postinst"
    "${signoff_packaging_source}/debian/prerm"
    "${signoff_packaging_source}/debian/postrm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
