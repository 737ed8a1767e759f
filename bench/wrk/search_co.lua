-- Scenario 4: GET /Users?filter=emails.value co "..."&sortBy=userName&count=100 (RFC 7644
-- §3.4.2.2 "co", §3.4.2.3 sorting, §3.4.2.4 paging): a non-indexed substring search over every
-- user, sorted, first page. The fragment ("Given.Family.NN") matches a few dozen users per 100k.
package.path = (os.getenv("BENCH_LUA_DIR") or ".") .. "/?.lua;" .. package.path
local common = require("common")
local names = common.column(2)
local next_index = common.walker(math.max(#names, 1))

request = function()
  local name = names[next_index()] or "none.none.00"
  local fragment = name:match("^([^.]+%.[^.]+%.%d%d?)") or name
  local filter = 'emails.value co "' .. fragment .. '"'
  return wrk.format("GET", common.base .. "/Users?filter=" .. common.encode(filter) ..
    "&sortBy=userName&count=100", common.headers)
end

done = function(summary, latency) common.report(summary, latency) end
