-- Scenario 6: PATCH /Groups/{id} (RFC 7644 §3.5.2.1 add, §3.5.2.2 remove with a value filter)
-- on the big seeded group: add one user who is not a member, then remove them again. Run with
-- one connection: the next operation follows from the answer to the previous one (wrk may build
-- a request it never sends, so the state moves on answers, not on requests built).
-- The request asks for excludedAttributes=members (RFC 7644 §3.5.2, §3.9): a 200 otherwise
-- carries "the entire resource", every one of the 10,000 members, whose size no server can make
-- independent of the group's; an identity provider syncing groups does not read them back.
package.path = (os.getenv("BENCH_LUA_DIR") or ".") .. "/?.lua;" .. package.path
local common = require("common")
local ids = common.column(1)
local group = io.open(os.getenv("BENCH_GROUP_FILE")):read("*l")
local first_outsider = tonumber(os.getenv("BENCH_GROUP_SIZE") or "0") + 1
local counter = 0
local member = nil   -- the outsider added by the last answered add
local sent = nil     -- what the last built request does: {add = bool, id = string}

request = function()
  local op
  if member then
    sent = {add = false, id = member}
    op = '{"op":"remove","path":"members[value eq \\"' .. member .. '\\"]"}'
  else
    counter = counter + 1
    local span = math.max(#ids - first_outsider + 1, 1)
    sent = {add = true, id = ids[first_outsider + (counter % span)] or "none"}
    op = '{"op":"add","path":"members","value":[{"value":"' .. sent.id .. '"}]}'
  end
  local body = '{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[' ..
    op .. ']}'
  return wrk.format("PATCH", common.base .. "/Groups/" .. group .. "?excludedAttributes=members",
    common.headers, body)
end

response = function(status)
  if status == 200 then member = sent.add and sent.id or nil end
end

done = function(summary, latency) common.report(summary, latency) end
