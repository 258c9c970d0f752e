-- 90 % GET and 10 % PUT over BENCH_KEYS keys "<path><n>" chosen at random.
-- BENCH_GET_SUFFIX is appended to read paths (Webdis needs ".txt" to answer raw bytes).
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
local file = assert(io.open(os.getenv("BENCH_BODY_FILE"), "rb"))
local body = file:read("*a")
file:close()
local keys = tonumber(os.getenv("BENCH_KEYS") or "100000")
local read_base = os.getenv("BENCH_GET_PATH")
local write_base = os.getenv("BENCH_PUT_PATH")
local suffix = os.getenv("BENCH_GET_SUFFIX") or ""

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
  local key = math.random(0, keys - 1)
  if math.random() < 0.9 then
    return wrk.format("GET", read_base .. key .. suffix)
  end
  return wrk.format("PUT", write_base .. key, nil, body)
end
