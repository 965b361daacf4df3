// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

namespace signoff::rest {

// Whether a server takes traffic, as GET /readyz tells a load balancer
// (docs/design.md, "Observability" and "Several instances"). Shared by the
// server's threads.
enum class Readiness {
    Starting, // listening, but the program has not finished starting up
    Ready,    // takes traffic (when its database answers too)
    Draining, // stopping: still serves, but asks to be taken out of rotation
};

} // namespace signoff::rest
