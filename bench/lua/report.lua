-- Shared by every scenario: prints one machine-readable line when wrk finishes.
-- Latencies are in microseconds. "errors" counts socket errors, timeouts and every
-- answer outside 2xx/3xx. With BENCH_COUNT_SERVER_ERRORS set, it counts only 5xx
-- answers among them, so that the 404s of expected misses are not errors; that needs a
-- Lua call per response, which slows wrk, so benchmarks leave it unset.
local threads = {}
local only_server_errors = os.getenv("BENCH_COUNT_SERVER_ERRORS") ~= nil

function setup(thread)
  table.insert(threads, thread)
end

if only_server_errors then
  function response(status, headers, body)
    if status >= 500 then
      server_errors = (server_errors or 0) + 1
    end
  end
end

function done(summary, latency, requests)
  local answers = summary.errors.status
  if only_server_errors then
    answers = 0
    for _, thread in ipairs(threads) do
      answers = answers + (thread:get("server_errors") or 0)
    end
  end
  local seconds = summary.duration / 1000000
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT rps=%.0f p50=%d p99=%d p999=%d requests=%d errors=%d non2xx=%d\n",
    summary.requests / seconds, latency:percentile(50), latency:percentile(99),
    latency:percentile(99.9), summary.requests, socket + answers, summary.errors.status))
end
