-- Reads a live entry and restarts its idle timeout; deletes it when expired.
-- KEYS[1] the entry; ARGV[1] now.
-- Returns {} for a miss, else {value, content type, etag, age ms, time left ms}.
local key, now = KEYS[1], tonumber(ARGV[1])
local f = redis.call('HMGET', key, 'value', 'type', 'etag', 'written', 'ttl-deadline', 'idle', 'deadline')
if not f[1] then
  return {}
end
local deadline = tonumber(f[7])
if now >= deadline then
  redis.call('DEL', key)
  return {}
end
local idle = tonumber(f[6])
if idle > 0 then
  deadline = math.min(tonumber(f[5]), now + idle)
  redis.call('HSET', key, 'deadline', deadline)
  redis.call('PEXPIRE', key, deadline - now)
end
return { f[1], f[2], f[3], now - tonumber(f[4]), deadline - now }
