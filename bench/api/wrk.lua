-- wrk script of bench/api-bench.sh: GET <path> with "Authorization: Bearer <token>", the next token of a pre-minted
-- list on every request (a different user each time; each thread starts at its own offset).
--   wrk -t2 -c32 -d20s --latency -s bench/api/wrk.lua http://127.0.0.1:P -- /api/v1/me/balance tokens.lua
-- The nginx ceiling runs send the same headers (nginx ignores them), so all runs send requests of the same shape.
-- done() prints one machine-readable line: RESULT requests=… rps=… p50_ms=… p99_ms=… non2xx=… (socket errors too).
local counter = 0

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
end

local tokens, n, i, path

function init(args)
  path = args[1] or "/"
  tokens = dofile(args[2])
  n = #tokens
  i = ((tid or 0) * 7919) % n
end

function request()
  i = i % n + 1
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. tokens[i], ["Accept"] = "application/json" })
end

function done(summary, latency, requests)
  local e = summary.errors
  local secs = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d duration_s=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f"
      .. " p999_ms=%.3f max_ms=%.3f mean_ms=%.3f non2xx=%d connect_err=%d read_err=%d write_err=%d timeouts=%d"
      .. " bytes=%d\n",
    summary.requests, secs, summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000, latency.mean / 1000,
    e.status, e.connect, e.read, e.write, e.timeout, summary.bytes))
end
