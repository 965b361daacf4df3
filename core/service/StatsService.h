// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ServiceContext.h"
#include "domain/Result.h"
#include "domain/Stats.h"

namespace signoff {

// The dashboard's figures (docs/design.md, "The dashboard's figures"). Everyone
// may read every item, so everyone may read what is counted over them.
class StatsService
{
public:
    static constexpr int defaultDays = 30;
    static constexpr int maxDays = 365;

    explicit StatsService(ServiceContext &context);

    // The last `days` UTC days (1..365), today included; `now` is injectable
    // so that tests can place the window.
    Result<Stats> compute(const Actor &actor, int days = defaultDays, const QDateTime &now = {});

private:
    ServiceContext &m_context;
};

} // namespace signoff
