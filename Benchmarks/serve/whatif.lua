-- wrk script: what-if requests of a committee (plan serve's POST /api/scenarios/{id}/whatif),
-- each with its own changes: the European grant of 2013 and the dues rate drawn at random,
-- on the scenarios of PLAN_SCENARIOS (comma-separated ids; default: the baseline and the SCIC
-- scenario). Environment: PLAN_PATH (a fixed path instead of the what-if's), PLAN_BODY (a
-- fixed body instead of the drawn changes). At the end, one line of JSON:
-- requests, errors by kind, responses that were not 200 or lacked the figures, and the
-- latency percentiles in milliseconds.
local fixedPath = os.getenv("PLAN_PATH")
local fixedBody = os.getenv("PLAN_BODY")
local scenarios = {}
for id in string.gmatch(os.getenv("PLAN_SCENARIOS") or "baseline,scic-2013", "[^,]+") do table.insert(scenarios, id) end
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(id * 7919)
  bad = 0
end

request = function()
  local scenario = scenarios[math.random(#scenarios)]
  local path = fixedPath or ("/api/scenarios/" .. scenario .. "/whatif")
  local body = fixedBody or string.format(
    '{"changes": [{"path": "subsidies.fse.2013", "value": %d}, {"path": "dues.rate", "value": %.4f}]}',
    math.random(0, 40) * 1000, 0.005 + math.random() * 0.015)
  return wrk.format("POST", path, {["Content-Type"] = "application/json"}, body)
end

response = function(status, headers, body)
  if status ~= 200 or not (string.find(body, '"figures"', 1, true) or string.find(body, '"indicators"', 1, true)
      or string.find(body, '"probabilities"', 1, true)) then
    bad = bad + 1
  end
end

done = function(summary, latency, requests)
  local refused = 0
  for _, t in ipairs(threads) do refused = refused + t:get("bad") end
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, '
      .. '"not_answered": %d, "latency_ms": {"p50": %.2f, "p95": %.2f, "p99": %.2f, "max": %.2f}}\n',
    summary.requests, summary.duration / 1e6, e.connect, e.read, e.write, e.status, e.timeout, refused,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
