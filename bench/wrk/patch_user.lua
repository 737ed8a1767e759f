-- Scenario 3b: PATCH /Users/{id} (RFC 7644 §3.5.2): replace "active", add an email.
package.path = (os.getenv("BENCH_LUA_DIR") or ".") .. "/?.lua;" .. package.path
local common = require("common")
local ids = common.column(1)
local next_index = common.walker(math.max(#ids, 1))
local run = os.getenv("BENCH_RUN") or "0"
local counter = 0

request = function()
  counter = counter + 1
  local active = (counter % 2 == 0) and "true" or "false"
  local body = '{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[' ..
    '{"op":"replace","path":"active","value":' .. active .. '},' ..
    '{"op":"add","path":"emails","value":[{"value":"alt' .. run .. "n" .. counter ..
    '@other.example","type":"other"}]}]}'
  return wrk.format("PATCH", common.base .. "/Users/" .. (ids[next_index()] or "none"),
    common.headers, body)
end

done = function(summary, latency) common.report(summary, latency) end
