-- wrk script of bench/intake.sh: one POST per request, then one machine-readable RESULT line.
--
--   wrk ... -s bench/intake.lua URL -- BODY_FILE KEY UNIQUE STATUS
--
-- BODY_FILE: the request body; KEY: the X-Api-Key header ("-" for none); UNIQUE: "unique" to replace every
-- "@REF@" in the body with a source reference no other request of the run uses (a new dossier each time),
-- anything else to send the body as it is; STATUS: the answer the flow expects (others are counted).

local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  local file = assert(io.open(args[1], "rb"))
  local body = file:read("*a")
  file:close()
  -- Into wrk's own header table: it already holds Host.
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  if args[2] ~= "-" then wrk.headers["X-Api-Key"] = args[2] end
  unique = args[3] == "unique"
  expected = tonumber(args[4])
  unexpected = 0
  codes = {}
  if unique then
    -- The body around its first source reference; the intake is idempotent by (system, sourceRef) only.
    local at = body:find("@REF@", 1, true)
    before, after = body:sub(1, at - 1), body:sub(at + 5):gsub("@REF@", "x")
    -- Distinct across runs (the hub's data directory may be reused) and across wrk's threads.
    prefix = "WRK-" .. os.time() .. "-" .. id .. "-"
  else
    fixed = wrk.format(nil, nil, nil, body)
  end
end

function request()
  if not unique then return fixed end
  counter = counter + 1
  return wrk.format(nil, nil, nil, before .. prefix .. counter .. after)
end

function response(status)
  if status ~= expected then
    unexpected = unexpected + 1
    codes[status] = (codes[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local e, wrong, by = summary.errors, 0, {}
  for _, thread in ipairs(threads) do
    wrong = wrong + thread:get("unexpected")
    for status, n in pairs(thread:get("codes")) do by[status] = (by[status] or 0) + n end
  end
  local statuses = {}
  for status, n in pairs(by) do table.insert(statuses, status .. ":" .. n) end
  table.sort(statuses)
  io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d unexpected=%d socket_errors=%d unexpected_statuses=%s\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), wrong,
    e.connect + e.read + e.write + e.timeout, #statuses > 0 and table.concat(statuses, ",") or "-"))
end
