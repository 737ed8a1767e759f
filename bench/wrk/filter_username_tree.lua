-- Scenario 2 on the tree path (bench/ab-list.sh AB_BEFORE_SCRIPT): the same filter with
-- excludedAttributes=password, which removes nothing from the default view (password is returned
-- "never", RFC 7643 §4.1.1) but is not the default view, so the page is answered from the tree.
package.path = (os.getenv("BENCH_LUA_DIR") or ".") .. "/?.lua;" .. package.path
local common = require("common")
local names = common.column(2)
local next_index = common.walker(math.max(#names, 1))

request = function()
  local filter = 'userName eq "' .. (names[next_index()] or "none") .. '"'
  return wrk.format("GET", common.base .. "/Users?excludedAttributes=password&filter=" ..
    common.encode(filter), common.headers)
end

done = function(summary, latency) common.report(summary, latency) end
