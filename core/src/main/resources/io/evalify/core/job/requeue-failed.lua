-- Re-opens a job's failed students for another attempt (RQ's requeue). Failure entries stay until the
-- student succeeds, so a requeue whose publishing fails can simply be repeated.
-- KEYS: 1 job hash, 2 outcomes hash, 3 failures hash, 4 quiz active key
-- ARGV: 1 now ms, 2.. statuses a requeue may start from
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return {'missing'} end
local entries = redis.call('HGETALL', KEYS[3])
local failed = {}
for i = 1, #entries, 2 do
  if redis.call('HGET', KEYS[2], entries[i]) == 'failed' then table.insert(failed, i) end
end
-- Nothing failed: a no-op in any status, like RQ's requeue of an empty failed registry.
if #failed == 0 then return {'ok'} end
local allowed = false
for i = 2, #ARGV do if ARGV[i] == status then allowed = true end end
if not allowed then return {'illegal', status} end
local result = {'ok'}
for _, i in ipairs(failed) do
  redis.call('HDEL', KEYS[2], entries[i])
  redis.call('HINCRBY', KEYS[1], 'failed', -1)
  table.insert(result, entries[i + 1])
end
if #result == 1 then return result end
if status ~= 'RUNNING' then
  redis.call('HSET', KEYS[1], 'status', 'RUNNING', 'status_at:RUNNING', ARGV[1])
  redis.call('HDEL', KEYS[1], 'finished_at')
end
redis.call('HSET', KEYS[1], 'updated_at', ARGV[1])
redis.call('SET', KEYS[4], redis.call('HGET', KEYS[1], 'job_id'))
for i = 1, 3 do redis.call('PERSIST', KEYS[i]) end
return result
