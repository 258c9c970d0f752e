-- Removes an entry when the precondition holds.
-- KEYS[1] the entry; ARGV: now, If-Match condition, If-None-Match condition.
-- Returns {'removed' | 'absent' | 'failed', tags of the removed entry...}.
local key, now = KEYS[1], tonumber(ARGV[1])
local current = live_etag(key, now)
if not allows(ARGV[2], ARGV[3], current) then
  return { 'failed' }
end
local tags = tags_of(key)
redis.call('DEL', key)
return { current and 'removed' or 'absent', unpack(tags) }
