-- SPDX-FileCopyrightText: 2026 The Signoff authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Shared by the benchmark's wrk scripts (tests/benchmarks/run sets the
-- environment): BENCH_TARGET (signoff or reference), BENCH_IDS (a file of
-- existing feature ids, one a line), BENCH_TOKEN and BENCH_REVIEWER_TOKEN
-- (bearer tokens), BENCH_NONCE (makes names unique across runs).
local common = {}

common.target = os.getenv("BENCH_TARGET") or "signoff"
common.nonce = os.getenv("BENCH_NONCE") or tostring(os.time())

function common.auth_headers(token)
   local headers = {}
   if common.target == "signoff" then
      headers["Authorization"] = "Bearer " .. (token or os.getenv("BENCH_TOKEN") or "")
   end
   return headers
end

function common.load_ids()
   local ids = {}
   for line in io.lines(os.getenv("BENCH_IDS")) do
      if #line > 0 then ids[#ids + 1] = line end
   end
   return ids
end

-- Gives every wrk thread a number (for unique names and random seeds).
local next_thread = 0
function common.setup(thread)
   next_thread = next_thread + 1
   thread:set("thread_number", next_thread)
end

-- BENCH_DELAY_MS paces a connection (the seed's floor: so many requests a
-- minute) instead of sending as fast as answers come.
function common.pace()
   local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "")
   if pause then
      return function() return pause end
   end
   return nil
end

-- One JSON line for the runner, after wrk's own report.
function common.report(summary, latency, requests)
   local errors = summary.errors
   io.write(string.format(
      'BENCH-JSON {"requests":%d,"duration_us":%d,"requests_per_second":%.1f,' ..
      '"latency_p50_us":%d,"latency_p90_us":%d,"latency_p99_us":%d,"latency_max_us":%d,"latency_mean_us":%.1f,' ..
      '"errors_connect":%d,"errors_read":%d,"errors_write":%d,"errors_status":%d,"errors_timeout":%d}\n',
      summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
      errors.connect, errors.read, errors.write, errors.status, errors.timeout))
end

return common
