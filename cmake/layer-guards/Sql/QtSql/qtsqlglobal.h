// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Placed ahead of Qt's own headers on the include path of every target that
// must not depend on Qt Sql (see signoff_forbid_qt_modules in cmake/LayerGuards.cmake).
// Every QtSql header includes this one first, so any use of the module stops here.
#error "This layer must not use Qt Sql: SQL and its connections stay in core/storage, behind headers free of QtSql (docs/architecture.md)."
