-- Adds an entry key to a tag set and keeps the set at least as long as the entry's TTL.
-- KEYS[1] the tag set; ARGV: entry key, milliseconds left of the entry's TTL.
local required = tonumber(ARGV[2])
redis.call('SADD', KEYS[1], ARGV[1])
local left = redis.call('PTTL', KEYS[1])
if left == -1 or left < required then
  redis.call('PEXPIRE', KEYS[1], required)
end
return 1
