# SPDX-FileCopyrightText: 2026 The Signoff authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Enforces the one-way dependencies of docs/architecture.md at compile time.
#
# Qt's include directories are added as system includes (-isystem); a plain -I
# directory is searched first. Each folder in cmake/layer-guards/ holds a
# replacement for a Qt module's "global" header, which every header of that
# module includes first, and which stops compilation with #error. A target that
# must not use a module gets that folder on its include path, so
# #include <QtWidgets/QWidget> fails in core, and #include <QWidget> fails anyway
# because QtWidgets' own include folder is not on core's path.

set(SIGNOFF_LAYER_GUARDS_DIR "${CMAKE_CURRENT_LIST_DIR}/layer-guards")

function(signoff_forbid_qt_modules target)
    foreach(module IN LISTS ARGN)
        if(NOT EXISTS "${SIGNOFF_LAYER_GUARDS_DIR}/${module}")
            message(FATAL_ERROR "No layer guard for Qt module ${module}")
        endif()
        target_include_directories(${target} BEFORE PRIVATE "${SIGNOFF_LAYER_GUARDS_DIR}/${module}")
    endforeach()
    set_property(TARGET ${target} PROPERTY SIGNOFF_FORBIDDEN_QT_MODULES "${ARGN}")
endfunction()
