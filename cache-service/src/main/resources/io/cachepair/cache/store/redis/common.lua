-- Shared by every entry script; the store prepends it to each of them.
-- An entry is a hash with the fields value, type, etag, written, ttl-deadline, idle,
-- deadline and one field tag:<tag> per tag. Times are milliseconds since the epoch by
-- the cache-service's clock, passed in as "now", so expiry never depends on Redis time.

-- Returns the entry's ETag when it is live at now, else nil.
local function live_etag(key, now)
  local fields = redis.call('HMGET', key, 'etag', 'deadline')
  if fields[1] and now < tonumber(fields[2]) then
    return fields[1]
  end
  return nil
end

-- Returns the tags of the entry, live or expired.
local function tags_of(key)
  local tags = {}
  for _, field in ipairs(redis.call('HKEYS', key)) do
    if string.sub(field, 1, 4) == 'tag:' then
      tags[#tags + 1] = string.sub(field, 5)
    end
  end
  return tags
end

-- A condition is '-' when the header is absent, '*', or the listed tags each between
-- double quotes, which no tag can contain.
local function listed(condition, etag)
  return condition == '*' or string.find(condition, '"' .. etag .. '"', 1, true) ~= nil
end

-- The If-Match test is strong: the caller lists only strong tags in if_match.
local function allows(if_match, if_none_match, current)
  if if_match ~= '-' and (current == nil or not listed(if_match, current)) then
    return false
  end
  return if_none_match == '-' or current == nil or not listed(if_none_match, current)
end

-- Replaces the entry with a new one and sets the expiry that lets Redis reclaim it.
-- The backstop is relative to now, so a clock offset between the service and Redis
-- never removes an entry early.
local function store_entry(key, now, value, content_type, etag, ttl_deadline, idle, tags)
  local deadline = ttl_deadline
  if idle > 0 then
    deadline = math.min(ttl_deadline, now + idle)
  end
  local fields = { 'value', value, 'type', content_type, 'etag', etag, 'written', now,
    'ttl-deadline', ttl_deadline, 'idle', idle, 'deadline', deadline }
  for _, tag in ipairs(tags) do
    fields[#fields + 1] = 'tag:' .. tag
    fields[#fields + 1] = ''
  end
  redis.call('DEL', key)
  redis.call('HSET', key, unpack(fields))
  redis.call('PEXPIRE', key, deadline - now)
end

