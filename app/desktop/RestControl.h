// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "RestSettings.h"

namespace signoff {

class RestServer;

// Applies the window's REST settings to the embedded server and says how it
// went in the terms of the status bar: off, listening at a URL, port busy,
// or failed with a reason. Only the application knows both sides.
RestStatus applyRestSettings(RestServer &server, const RestSettings &settings);

// Why a server could not start on `address`:`port`: a busy port or something else.
RestStatus failureStatus(const QString &address, quint16 port, const QString &detail);

} // namespace signoff
