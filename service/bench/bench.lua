-- wrk script for the Samtrygg load benchmark (docs/benchmarks.md). One request type per run, chosen by the environment:
--   BENCH_TYPE      baseline | situation | programme | my-action-items | meeting | api-activities | api-meetings |
--                   api-action-items | log-activity | mix
--   BENCH_SESSIONS  the generator's sessions file (role userId cookie csrf token areaId meetingId groupId programmeId orgId)
--   BENCH_TYPE_ID   an activity type id, for log-activity
--   BENCH_NOTE      the description of the activities log-activity writes (run.sh deletes them before each run)
--   BENCH_RATE      (mix only) the request rate to aim at, over all connections; BENCH_THREADS wrk's thread count (-t)
-- Each request takes the next session of the roles that make it, so the users rotate. done() prints one RESULT line.

local kind = os.getenv("BENCH_TYPE") or "baseline"
local sessions_file = os.getenv("BENCH_SESSIONS") or "target/bench-sessions.txt"
local type_id = os.getenv("BENCH_TYPE_ID") or "1"
local note = os.getenv("BENCH_NOTE") or "Lugn kväll vid centrum, pratade med unga."
local rate = tonumber(os.getenv("BENCH_RATE") or "0")
local wrk_threads = tonumber(os.getenv("BENCH_THREADS") or "2") -- wrk -t, for each thread's share of the rate

local threads = {}
local counter = 0
errors = 0 -- global: done() reads it from each thread
last_error = ""
local by_role = {}

local function load_sessions()
  for line in io.lines(sessions_file) do
    if line:sub(1, 1) ~= "#" then
      local f = {}
      for word in line:gmatch("%S+") do f[#f + 1] = word end
      local s = {role = f[1], user = f[2], cookie = f[3], csrf = f[4], token = f[5], area = f[6], meeting = f[7],
                 group = f[8], programme = f[9], organisation = f[10]}
      by_role[s.role] = by_role[s.role] or {}
      table.insert(by_role[s.role], s)
    end
  end
end

local function next_of(role)
  local list = by_role[role] or by_role["COORDINATOR"]
  counter = counter + 1
  return list[(counter % #list) + 1]
end

local function page(s, path)
  return wrk.format("GET", path, {["Cookie"] = "samtrygg_session=" .. s.cookie})
end

local function api(s, path)
  return wrk.format("GET", path, {["Authorization"] = "Bearer " .. s.token, ["Accept"] = "application/json"})
end

local function log_activity(s)
  local day = os.date("%Y-%m-%d")
  local body = string.format('{"areaId":%s,"typeId":%s,"startsAt":"%sT17:00:00+01:00","endsAt":"%sT19:00:00+01:00",' ..
      '"staffCount":2,"reachedCount":14,"description":"%s","visibility":"NETWORK"}',
      s.area, type_id, day, day, note)
  return wrk.format("POST", "/api/v1/activities", {["Authorization"] = "Bearer " .. s.token,
      ["Content-Type"] = "application/json", ["Accept"] = "application/json"}, body)
end

local single = {
  ["baseline"] = function() return wrk.format("GET", "/public") end,
  ["situation"] = function() local s = next_of("COORDINATOR") return page(s, "/areas/" .. s.area .. "/situation") end,
  ["programme"] = function() local s = next_of("OFFICIAL") return page(s, "/programmes/" .. s.programme) end,
  ["my-action-items"] = function() local s = next_of("PARTNER") return page(s, "/action-items/mine") end,
  ["meeting"] = function() local s = next_of("COORDINATOR") return page(s, "/meetings/" .. s.meeting) end,
  ["api-activities"] = function() local s = next_of("PARTNER") return api(s, "/api/v1/activities?areaId=" .. s.area) end,
  ["api-meetings"] = function() local s = next_of("PARTNER") return api(s, "/api/v1/meetings?networkGroupId=" .. s.group) end,
  ["api-action-items"] = function() local s = next_of("PARTNER") return api(s, "/api/v1/action-items?networkGroupId=" .. s.group) end,
  ["log-activity"] = function() return log_activity(next_of("PARTNER")) end,
}

-- The realistic mix, in hundredths: partners logging and reading activities, coordinators opening meetings and situation
-- pictures, officials the programme overview, API list calls.
local mix = {
  {15, function() return log_activity(next_of("PARTNER")) end},
  {15, single["api-activities"]},
  {10, single["my-action-items"]},
  {15, single["meeting"]},
  {15, single["situation"]},
  {5, function() local s = next_of("COORDINATOR") return page(s, "/action-items/mine") end},
  {5, single["programme"]},
  {10, single["api-meetings"]},
  {10, single["api-action-items"]},
}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  load_sessions()
  counter = (tonumber(wrk.thread:get("id")) or 1) * 7919
  math.randomseed(counter)
end

function request()
  if kind == "mix" then
    local roll = math.random(100)
    for _, entry in ipairs(mix) do
      roll = roll - entry[1]
      if roll <= 0 then return entry[2]() end
    end
    return mix[1][2]()
  end
  return single[kind]()
end

-- The mix's pacing: each wrk thread sends at an even share of BENCH_RATE, slot after slot on a monotonic clock, whatever
-- the responses' latency (a fixed pause per connection would lower the rate by the latency). A connection whose slot has
-- passed sends at once; a service that cannot keep up shows as a lower rate and higher latencies.
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clock_id, bench_timespec *tp);
]]
local clock = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end
local next_slot = nil

function delay()
  if rate <= 0 then
    return 0
  end
  local interval = wrk_threads / rate * 1000
  local now = now_ms()
  if next_slot == nil or next_slot < now - 1000 then
    next_slot = now -- start, or a stall of over a second: do not send a burst to catch up
  end
  next_slot = next_slot + interval
  return math.max(0, math.floor(next_slot - now))
end

function response(status, headers, body)
  if status >= 400 then
    errors = errors + 1
    last_error = tostring(status)
  end
end

function done(summary, latency, requests)
  local failed = 0
  local example = ""
  for _, t in ipairs(threads) do
    failed = failed + (tonumber(t:get("errors")) or 0)
    local e = t:get("last_error")
    if e and e ~= "" then example = e end
  end
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %s requests=%d rps=%.1f p50=%.2f p95=%.2f p99=%.2f max=%.2f errors=%d socket_errors=%d last_error=%s\n",
      kind, summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
      latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000, failed, socket,
      example == "" and "-" or example))
end
