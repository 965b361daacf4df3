-- SPDX-FileCopyrightText: 2026 The Signoff authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Scenario 1 (and 2 with BENCH_IF_NONE_MATCH set): one item by a random
-- existing id. Signoff: GET /api/v1/feature/{id} with a bearer token (and
-- If-None-Match: "1", which every seeded feature's version matches: 304).
-- Reference: GET /item/{id}.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")

local ids
local headers
local prefix = common.target == "signoff" and "/api/v1/feature/" or "/item/"

setup = common.setup

function init(args)
   ids = common.load_ids()
   headers = common.auth_headers()
   local tag = os.getenv("BENCH_IF_NONE_MATCH")
   if tag and #tag > 0 then headers["If-None-Match"] = tag end
   math.randomseed(os.time() * 100 + (thread_number or 0))
end

function request()
   return wrk.format("GET", prefix .. ids[math.random(#ids)], headers)
end

delay = common.pace()
done = common.report
