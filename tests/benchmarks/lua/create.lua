-- SPDX-FileCopyrightText: 2026 The Signoff authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Scenario 4: creates with unique names. Signoff: POST /api/v1/feature
-- (201). Reference: POST /item (201). The same body for both.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")

setup = common.setup
local headers
local path = common.target == "signoff" and "/api/v1/feature" or "/item"
local counter = 0

function init(args)
   headers = common.auth_headers()
   headers["Content-Type"] = "application/json"
end

function request()
   counter = counter + 1
   local body = string.format('{"name":"bench %s %d %d","options":{"load":true}}', common.nonce, thread_number, counter)
   return wrk.format("POST", path, headers, body)
end

delay = common.pace()
done = common.report
