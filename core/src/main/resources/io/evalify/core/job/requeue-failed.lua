-- Re-opens a job's failed students for another attempt (RQ's requeue). Failure entries stay until the
-- student succeeds, so a requeue whose publishing fails can simply be repeated.
-- KEYS: 1 job hash, 2 outcomes hash, 3 failures hash, 4 quiz active key
-- ARGV: 1 now ms, 2 one student id to re-open ('' for every failed student), 3.. statuses a requeue may start from
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return {'missing'} end
local entries
if ARGV[2] == '' then
  entries = redis.call('HGETALL', KEYS[3])
else
  local entry = redis.call('HGET', KEYS[3], ARGV[2])
  entries = entry and {ARGV[2], entry} or {}
end
local failed = {}
for i = 1, #entries, 2 do
  if redis.call('HGET', KEYS[2], entries[i]) == 'failed' then table.insert(failed, i) end
end
-- Nothing failed: a no-op in any status, like RQ's requeue of an empty failed registry.
if #failed == 0 then return {'ok'} end
local allowed = false
for i = 3, #ARGV do if ARGV[i] == status then allowed = true end end
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
