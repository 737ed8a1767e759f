-- Scenario 2: GET /Users?filter=userName eq "..." (RFC 7644 §3.4.2.2), one seeded user each.
package.path = (os.getenv("BENCH_LUA_DIR") or ".") .. "/?.lua;" .. package.path
local common = require("common")
local names = common.column(2)
local next_index = common.walker(math.max(#names, 1))

request = function()
  local filter = 'userName eq "' .. (names[next_index()] or "none") .. '"'
  return wrk.format("GET", common.base .. "/Users?filter=" .. common.encode(filter), common.headers)
end

done = function(summary, latency) common.report(summary, latency) end
