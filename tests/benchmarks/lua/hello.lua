-- SPDX-FileCopyrightText: 2026 The Signoff authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- The reference's fixed small JSON (GET /hello): what Qt's server alone
-- manages, for scale.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")

setup = common.setup
local req

function init(args)
   req = wrk.format("GET", "/hello")
end

function request()
   return req
end

done = common.report
