-- Scenario 3a: POST /Users (RFC 7644 §3.3) of fresh generated users. The body is the generator's
-- template (scim-bench-data template) with a unique token per request: run, thread, counter.
package.path = (os.getenv("BENCH_LUA_DIR") or ".") .. "/?.lua;" .. package.path
local common = require("common")
local template = io.open(os.getenv("BENCH_TEMPLATE")):read("*l")
local run = os.getenv("BENCH_RUN") or "0"
local threads = 0
local counter = 0

setup = function(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

request = function()
  counter = counter + 1
  local token = "r" .. run .. "t" .. tostring(tid) .. "n" .. counter
  local body = template:gsub("BENCHSEQ", token)
  return wrk.format("POST", common.base .. "/Users", common.headers, body)
end

done = function(summary, latency) common.report(summary, latency) end
