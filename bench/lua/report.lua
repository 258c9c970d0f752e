-- Shared by every scenario: counts server errors per thread and prints one
-- machine-readable line when wrk finishes. Latencies are in microseconds. "errors" counts
-- socket errors, timeouts and 5xx answers; "non2xx" counts every answer outside 2xx/3xx,
-- which includes the 404s of misses.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function response(status, headers, body)
  if status >= 500 then
    server_errors = (server_errors or 0) + 1
  end
end

function done(summary, latency, requests)
  local server = 0
  for _, thread in ipairs(threads) do
    server = server + (thread:get("server_errors") or 0)
  end
  local seconds = summary.duration / 1000000
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT rps=%.0f p50=%d p99=%d p999=%d requests=%d errors=%d non2xx=%d\n",
    summary.requests / seconds, latency:percentile(50), latency:percentile(99),
    latency:percentile(99.9), summary.requests, socket + server, summary.errors.status))
end
