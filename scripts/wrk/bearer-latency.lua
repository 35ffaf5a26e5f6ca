-- wrk helper for scripts/bench-stack.ts: sends a bearer token (env WRK_TOKEN) with every request
-- and prints one machine-readable line with throughput, latency percentiles (microseconds) and errors.
local token = os.getenv("WRK_TOKEN")
if token and #token > 0 then
  wrk.headers["Authorization"] = "Bearer " .. token
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "WRK_RESULT {\"requests\":%d,\"duration_us\":%d,\"p50_us\":%d,\"p95_us\":%d,\"p99_us\":%d,\"socket_errors\":%d,\"non_2xx\":%d}\n",
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, e.status))
end
