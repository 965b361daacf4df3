-- SPDX-FileCopyrightText: 2026 The Signoff authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Scenario 5, Signoff only: the workflow mix. A requester creates a feature
-- (201) and submits it (If-Match "1"), a reviewer approves it (If-Match "2"):
-- three requests per feature. Follow-ups are queued per wrk thread from the
-- answers (their status says which step comes next), and sent before new
-- creates.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")

setup = common.setup
local requester
local reviewer
local queue = {}
local head = 1
local tail = 0
local counter = 0

function init(args)
   requester = common.auth_headers(os.getenv("BENCH_TOKEN"))
   requester["Content-Type"] = "application/json"
   reviewer = common.auth_headers(os.getenv("BENCH_REVIEWER_TOKEN"))
   reviewer["Content-Type"] = "application/json"
end

local function with_version(headers, version)
   local copy = {}
   for name, value in pairs(headers) do copy[name] = value end
   copy["If-Match"] = '"' .. version .. '"'
   return copy
end

function request()
   if head <= tail then
      local step = queue[head]
      queue[head] = nil
      head = head + 1
      return step
   end
   counter = counter + 1
   local body = string.format('{"name":"flow %s %d %d"}', common.nonce, thread_number, counter)
   return wrk.format("POST", "/api/v1/feature", requester, body)
end

function response(status, headers, body)
   if status ~= 200 and status ~= 201 then return end
   local id = string.match(body, '"id":"([0-9a-f%-]+)"')
   local state = string.match(body, '"status":"(%a+)"')
   if not id then return end
   if state == "draft" then
      tail = tail + 1
      queue[tail] = wrk.format("POST", "/api/v1/feature/" .. id .. "/submit", with_version(requester, 1), "{}")
   elseif state == "pending" then
      tail = tail + 1
      queue[tail] = wrk.format("POST", "/api/v1/feature/" .. id .. "/approve", with_version(reviewer, 2),
                                     '{"comment":"benchmark"}')
   end
end

done = common.report
