# SPDX-FileCopyrightText: 2026 The Signoff authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Signoff's translations: the desktop's strings and core's messages (context
# "Core", marked with QT_TRANSLATE_NOOP, shown through Message::translated()).
# Included from app/CMakeLists.txt: the .qm files are compiled from the .ts
# files and embedded in the signoff executable as :/i18n/signoff_<lang>.qm.
#
#   cmake --build BUILD --target update_translations   refreshes the .ts files
#                                                       from the sources (lupdate)
#
# English is the source language; signoff_en.ts adds only plural forms.
# tests/ui/tst_ui_translations fails while signoff_de.ts misses a translation.

set(SIGNOFF_TS_FILES
    "${PROJECT_SOURCE_DIR}/translations/signoff_en.ts"
    "${PROJECT_SOURCE_DIR}/translations/signoff_de.ts")

file(GLOB_RECURSE SIGNOFF_TRANSLATED_SOURCES CONFIGURE_DEPENDS
    "${PROJECT_SOURCE_DIR}/core/*.cpp" "${PROJECT_SOURCE_DIR}/core/*.h"
    "${PROJECT_SOURCE_DIR}/backend/*.cpp" "${PROJECT_SOURCE_DIR}/backend/*.h"
    "${PROJECT_SOURCE_DIR}/client/*.cpp" "${PROJECT_SOURCE_DIR}/client/*.h"
    "${PROJECT_SOURCE_DIR}/ui/*.cpp" "${PROJECT_SOURCE_DIR}/ui/*.h"
    "${PROJECT_SOURCE_DIR}/app/*.cpp" "${PROJECT_SOURCE_DIR}/app/*.h")

qt_add_translations(signoff
    TS_FILES ${SIGNOFF_TS_FILES}
    SOURCES ${SIGNOFF_TRANSLATED_SOURCES}
    RESOURCE_PREFIX "/i18n"
    LUPDATE_OPTIONS -no-obsolete -locations none)
