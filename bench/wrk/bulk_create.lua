-- Scenario 5: one POST /Bulk (RFC 7644 §3.7) of BENCH_BULK_OPS (1,000) creates of fresh
-- generated users per request; the latency is the time of one whole bulk request.
package.path = (os.getenv("BENCH_LUA_DIR") or ".") .. "/?.lua;" .. package.path
local common = require("common")
local template = io.open(os.getenv("BENCH_TEMPLATE")):read("*l")
local run = os.getenv("BENCH_RUN") or "0"
local ops = tonumber(os.getenv("BENCH_BULK_OPS") or "1000")
local counter = 0

request = function()
  local parts = {}
  for k = 1, ops do
    counter = counter + 1
    local data = template:gsub("BENCHSEQ", "b" .. run .. "n" .. counter)
    parts[k] = '{"method":"POST","path":"/Users","bulkId":"b' .. k .. '","data":' .. data .. '}'
  end
  local body = '{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],' ..
    '"Operations":[' .. table.concat(parts, ",") .. ']}'
  return wrk.format("POST", common.base .. "/Bulk", common.headers, body)
end

-- A bulk answers 200 even when operations fail (RFC 7644 §3.7.3): each operation's own status
-- is checked, and a bulk that did not create all of its users counts as an error.
local threads = {}
setup = function(thread) threads[#threads + 1] = thread end
incomplete = 0
response = function(status, headers, body)
  local _, created = body:gsub('"status":"201"', "")
  if status ~= 200 or created ~= ops then incomplete = incomplete + 1 end
end

done = function(summary, latency)
  for _, t in ipairs(threads) do
    summary.errors.status = summary.errors.status + (t:get("incomplete") or 0)
  end
  common.report(summary, latency)
end
