-- GET of one path, given as the URL.
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
