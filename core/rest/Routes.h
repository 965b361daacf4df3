// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Router.h"

#include <QList>

namespace signoff::rest {

// Every route of the REST API (product.md section 5), in one table. The
// OpenAPI test compares its (method, path) pairs with resources/openapi.json.
const QList<Route> &routeTable();

} // namespace signoff::rest
