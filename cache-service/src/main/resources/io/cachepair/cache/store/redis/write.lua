-- Writes an entry when the precondition holds.
-- KEYS[1] the entry; ARGV: now, value, content type, etag, ttl ms, idle ms (0 for
-- none), If-Match condition, If-None-Match condition, then the tags.
-- Returns {'created' | 'replaced' | 'failed', tags of the previous entry...}.
local key, now = KEYS[1], tonumber(ARGV[1])
local current = live_etag(key, now)
if not allows(ARGV[7], ARGV[8], current) then
  return { 'failed' }
end
local previous_tags = tags_of(key)
local tags = {}
for i = 9, #ARGV do
  tags[#tags + 1] = ARGV[i]
end
store_entry(key, now, ARGV[2], ARGV[3], ARGV[4], now + tonumber(ARGV[5]), tonumber(ARGV[6]), tags)
local outcome = current and 'replaced' or 'created'
return { outcome, unpack(previous_tags) }
