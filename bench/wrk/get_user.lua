-- Scenario 1: GET /Users/{id} (RFC 7644 §3.4.1) over the seeded users.
package.path = (os.getenv("BENCH_LUA_DIR") or ".") .. "/?.lua;" .. package.path
local common = require("common")
local ids = common.column(1)
local next_index = common.walker(math.max(#ids, 1))

request = function()
  local id = ids[next_index()] or "none"
  return wrk.format("GET", common.base .. "/Users/" .. id, common.headers)
end

done = function(summary, latency) common.report(summary, latency) end
