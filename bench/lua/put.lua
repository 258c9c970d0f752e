-- PUT of a body read from BENCH_BODY_FILE to keys "<base path><n>" over BENCH_KEYS keys.
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
local file = assert(io.open(os.getenv("BENCH_BODY_FILE"), "rb"))
local body = file:read("*a")
file:close()
local keys = tonumber(os.getenv("BENCH_KEYS") or "1000")
local base = os.getenv("BENCH_PATH")
local counter = 0

function request()
  counter = counter + 1
  return wrk.format("PUT", base .. (counter % keys), nil, body)
end
