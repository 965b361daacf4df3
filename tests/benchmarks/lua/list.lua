-- SPDX-FileCopyrightText: 2026 The Signoff authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Scenario 3: the first page of pending features, 50 of them.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")

setup = common.setup
local req

function init(args)
   req = wrk.format("GET", "/api/v1/feature?status=pending&limit=50", common.auth_headers())
end

function request()
   return req
end

done = common.report
