-- Adds to a counter, creating it at zero when absent or expired.
-- KEYS[1] the entry; ARGV: now, delta, ttl ms, idle ms (0 for none), '1' to keep the
-- expiry of a live counter or '0' to set it from the ttl and idle arguments.
-- Returns {'ok', new value, ms left of its TTL, its tags...}, {'not-counter'}, or
-- {'overflow', current value}; nothing changes unless the reply is 'ok'.
local key, now = KEYS[1], tonumber(ARGV[1])

local band, bor, bxor, bnot = bit.band, bit.bor, bit.bxor, bit.bnot
local lshift, rshift, ror, tobit = bit.lshift, bit.rshift, bit.ror, bit.tobit

-- SHA-256 round constants and initial hash values (FIPS 180-4, section 4.2.2 and 5.3.3).
local K = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2 }
local H0 = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 }

-- SHA-256 of a short message (under 2^28 bytes), as eight 32-bit words. Sums of a few
-- 32-bit words stay exact in Lua's doubles, and tobit reduces them modulo 2^32.
local function sha256(message)
  local length = #message
  local padded = message .. '\128' .. string.rep('\0', (55 - length) % 64) .. '\0\0\0\0'
    .. string.char(band(rshift(length, 21), 255), band(rshift(length, 13), 255),
      band(rshift(length, 5), 255), band(lshift(length, 3), 255))
  local h = { unpack(H0) }
  for chunk = 1, #padded, 64 do
    local w = {}
    for i = 0, 15 do
      local b1, b2, b3, b4 = string.byte(padded, chunk + i * 4, chunk + i * 4 + 3)
      w[i] = bor(lshift(b1, 24), lshift(b2, 16), lshift(b3, 8), b4)
    end
    for i = 16, 63 do
      local x, y = w[i - 15], w[i - 2]
      local s0 = bxor(ror(x, 7), ror(x, 18), rshift(x, 3))
      local s1 = bxor(ror(y, 17), ror(y, 19), rshift(y, 10))
      w[i] = tobit(w[i - 16] + s0 + w[i - 7] + s1)
    end
    local a, b, c, d, e, f, g, hh = unpack(h)
    for i = 0, 63 do
      local t1 = hh + bxor(ror(e, 6), ror(e, 11), ror(e, 25)) + bxor(band(e, f), band(bnot(e), g)) + K[i + 1] + w[i]
      local t2 = bxor(ror(a, 2), ror(a, 13), ror(a, 22)) + bxor(band(a, b), band(a, c), band(b, c))
      hh, g, f, e, d, c, b, a = g, f, e, tobit(d + t1), c, b, a, tobit(t1 + t2)
    end
    local vars = { a, b, c, d, e, f, g, hh }
    for i = 1, 8 do
      h[i] = tobit(h[i] + vars[i])
    end
  end
  return h
end

-- The ETag of a value, as the service computes it: the first 128 bits of its SHA-256
-- in unpadded base64url.
local ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
local function etag_of(value)
  local words = sha256(value)
  local bytes = {}
  for i = 1, 4 do
    for shift = 24, 0, -8 do
      bytes[#bytes + 1] = band(rshift(words[i], shift), 255)
    end
  end
  local out = {}
  for i = 1, 16, 3 do
    local n = lshift(bytes[i], 16) + lshift(bytes[i + 1] or 0, 8) + (bytes[i + 2] or 0)
    local chars = (i + 2 <= 16) and 4 or 2
    for j = 1, chars do
      local index = band(rshift(n, 18 - (j - 1) * 6), 63)
      out[#out + 1] = string.sub(ALPHABET, index + 1, index + 1)
    end
  end
  return table.concat(out)
end

-- The decimal text of a stored counter without leading zeros, which HINCRBY rejects,
-- or nil when the value is not a decimal integer of at most 20 characters.
local function canonical(value)
  if #value == 0 or #value > 20 or not string.match(value, '^%-?%d+$') then
    return nil
  end
  local negative = string.sub(value, 1, 1) == '-'
  local digits = string.gsub(negative and string.sub(value, 2) or value, '^0+', '')
  if digits == '' then
    return '0'
  end
  return (negative and '-' or '') .. digits
end

local f = redis.call('HMGET', key, 'value', 'deadline', 'ttl-deadline', 'idle')
local live = f[1] and now < tonumber(f[2])
local current = '0'
if live then
  current = canonical(f[1])
  if not current then
    return { 'not-counter' }
  end
end
-- HINCRBY does the 64-bit arithmetic that Lua's doubles cannot; a scratch field keeps
-- the stored value untouched if it fails.
redis.call('HSET', key, 'counter-scratch', current)
local sum = redis.pcall('HINCRBY', key, 'counter-scratch', ARGV[2])
if type(sum) == 'table' and sum.err then
  redis.call('HDEL', key, 'counter-scratch')
  if string.find(sum.err, 'overflow', 1, true) then
    return { 'overflow', current }
  end
  return { 'not-counter' }
end
local value = redis.call('HGET', key, 'counter-scratch')
local tags, ttl_deadline, idle = {}, now + tonumber(ARGV[3]), tonumber(ARGV[4])
if live then
  tags = tags_of(key)
  if ARGV[5] == '1' then
    ttl_deadline, idle = tonumber(f[3]), tonumber(f[4])
  end
end
store_entry(key, now, value, 'text/plain', etag_of(value), ttl_deadline, idle, tags)
return { 'ok', value, ttl_deadline - now, unpack(tags) }
