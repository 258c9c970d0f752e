-- Removes an entry, live or expired, for removal by prefix, by tag and flush.
-- KEYS[1] the entry; ARGV[1] now; ARGV[2], when given, a tag the entry must carry.
-- Returns {} when nothing was removed, else {1 if it was live or 0, its tags...}.
local key, now = KEYS[1], tonumber(ARGV[1])
if redis.call('EXISTS', key) == 0 then
  return {}
end
if ARGV[2] and redis.call('HEXISTS', key, 'tag:' .. ARGV[2]) == 0 then
  return {}
end
local live = live_etag(key, now) and 1 or 0
local tags = tags_of(key)
redis.call('DEL', key)
return { live, unpack(tags) }
