// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Router.h"

#include <QList>

namespace signoff::rest {

// Every route of the REST API (docs/design.md, "API"), in one table. The
// OpenAPI test compares its (method, path) pairs with resources/openapi.json.
const QList<Route> &routeTable();

} // namespace signoff::rest
