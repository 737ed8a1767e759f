-- Shared by the wrk scenarios of ci/bench.sh: reading the seeded ids, the request headers, and
-- one machine-readable result line per run (parsed by ci/bench.sh):
--   RESULT <req/s> <p50 us> <p99 us> <requests> <errors>
local M = {}

M.base = os.getenv("BENCH_BASE_PATH") or "/scim/v2"
M.headers = {
  ["Authorization"] = "Bearer " .. (os.getenv("BENCH_TOKEN") or "secret"),
  ["Content-Type"] = "application/scim+json",
}

-- Column `col` (1 = id, 2 = userName) of the "<id>\t<userName>" file scim-bench-data wrote.
function M.column(col)
  local path = os.getenv("BENCH_IDS")
  local out = {}
  if not path then return out end
  for line in io.lines(path) do
    local id, name = line:match("^([^\t]*)\t(.*)$")
    if id then out[#out + 1] = (col == 1) and id or name end
  end
  return out
end

-- RFC 3986 percent-encoding of a query value.
function M.encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

-- A fixed-seed walk over n items, so consecutive requests touch unrelated records.
function M.walker(n)
  local i = 0
  return function()
    i = (i + 7919) % n
    return i + 1
  end
end

function M.report(summary, latency)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  io.write(string.format("RESULT %.1f %d %d %d %d\n", summary.requests / seconds,
    latency:percentile(50), latency:percentile(99), summary.requests, errors))
end

return M
