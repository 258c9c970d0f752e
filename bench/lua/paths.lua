-- GET of "<BENCH_PATH><n><BENCH_SUFFIX>" for n cycling over 1..BENCH_KEYS.
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
local keys = tonumber(os.getenv("BENCH_KEYS") or "1000")
local base = os.getenv("BENCH_PATH")
local suffix = os.getenv("BENCH_SUFFIX") or ""
local counter = 0

function init(args)
  counter = math.random(0, keys)
end

function request()
  counter = counter + 1
  return wrk.format("GET", base .. (1 + counter % keys) .. suffix)
end
