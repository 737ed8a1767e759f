-- Scenario 6: PATCH /Groups/{id} (RFC 7644 §3.5.2.1 add, §3.5.2.2 remove with a value filter)
-- on the big seeded group: add one user who is not a member, then remove them again.
package.path = (os.getenv("BENCH_LUA_DIR") or ".") .. "/?.lua;" .. package.path
local common = require("common")
local ids = common.column(1)
local group = io.open(os.getenv("BENCH_GROUP_FILE")):read("*l")
local first_outsider = tonumber(os.getenv("BENCH_GROUP_SIZE") or "0") + 1
local counter = 0
local pending = nil

request = function()
  counter = counter + 1
  local op
  if pending then
    op = '{"op":"remove","path":"members[value eq \\"' .. pending .. '\\"]"}'
    pending = nil
  else
    local span = math.max(#ids - first_outsider + 1, 1)
    pending = ids[first_outsider + (counter % span)] or "none"
    op = '{"op":"add","path":"members","value":[{"value":"' .. pending .. '"}]}'
  end
  local body = '{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[' ..
    op .. ']}'
  return wrk.format("PATCH", common.base .. "/Groups/" .. group, common.headers, body)
end

done = function(summary, latency) common.report(summary, latency) end
