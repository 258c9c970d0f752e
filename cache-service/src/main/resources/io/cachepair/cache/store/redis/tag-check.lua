-- Tells whether a live entry carries a tag.
-- KEYS[1] the entry; ARGV: now, tag.
-- Returns the milliseconds left until the entry's TTL ends, or -1.
local key, now = KEYS[1], tonumber(ARGV[1])
local f = redis.call('HMGET', key, 'tag:' .. ARGV[2], 'deadline', 'ttl-deadline')
if f[1] and now < tonumber(f[2]) then
  return tonumber(f[3]) - now
end
return -1
