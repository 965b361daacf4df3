// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Placed ahead of Qt's own headers on the include path of every target that
// must not depend on Qt HttpServer (see signoff_forbid_qt_modules in cmake/LayerGuards.cmake).
// Every QtHttpServer header includes this one first, so any use of the module stops here.
#error "This layer must not use Qt HttpServer: dependencies point app -> ui/rest -> core, never back (docs/architecture.md)."
