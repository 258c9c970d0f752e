-- Starts a removal by tag: renames the tag set to this removal's snapshot, so writes
-- from now on go to a fresh set, and registers the snapshot. All keys share a slot.
-- KEYS: the tag set, the snapshot, the registry of snapshots being removed.
-- Returns every registered snapshot, this one included when the tag set existed.
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('RENAME', KEYS[1], KEYS[2])
  redis.call('SADD', KEYS[3], KEYS[2])
  local left = redis.call('PTTL', KEYS[2])
  local registry_left = redis.call('PTTL', KEYS[3])
  if registry_left == -1 or registry_left < left then
    redis.call('PEXPIRE', KEYS[3], left)
  end
end
return redis.call('SMEMBERS', KEYS[3])
