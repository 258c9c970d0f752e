-- Shared by every scenario: prints one machine-readable line when wrk finishes.
-- Latencies are in microseconds; errors count socket errors and non-2xx/3xx answers.
function done(summary, latency, requests)
  local seconds = summary.duration / 1000000
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT rps=%.0f p50=%d p99=%d p999=%d requests=%d errors=%d\n",
    summary.requests / seconds, latency:percentile(50), latency:percentile(99),
    latency:percentile(99.9), summary.requests, errors))
end
