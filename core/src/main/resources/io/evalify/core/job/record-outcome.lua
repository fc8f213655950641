-- Counts one student's outcome exactly once and completes the job when every task is accounted for.
-- KEYS: 1 job hash, 2 outcomes hash, 3 failures hash (the quiz's active key is derived from the job)
-- ARGV: 1 student, 2 outcome (succeeded|failed|cancelled), 3 now ms, 4 failure json ('' = none),
--       5 ttl s for a clean finish, 6 ttl s for a finish with failures
if redis.call('EXISTS', KEYS[1]) == 0 then return {'missing', ''} end
local prev = redis.call('HGET', KEYS[2], ARGV[1])
local status = redis.call('HGET', KEYS[1], 'status')
-- A success or a cancellation is final for that student; a repeat of the same outcome is a duplicate.
if prev == 'succeeded' or prev == 'cancelled' or prev == ARGV[2] then return {'duplicate', status} end
if prev then redis.call('HINCRBY', KEYS[1], prev, -1) end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('HINCRBY', KEYS[1], ARGV[2], 1)
if ARGV[2] == 'failed' then
  redis.call('HSET', KEYS[3], ARGV[1], ARGV[4])
else
  redis.call('HDEL', KEYS[3], ARGV[1])
end
redis.call('HSET', KEYS[1], 'updated_at', ARGV[3])
local c = redis.call('HMGET', KEYS[1], 'total', 'succeeded', 'failed', 'cancelled', 'job_id', 'quiz_id')
local total, ok, failed, cancelled = tonumber(c[1]), tonumber(c[2]), tonumber(c[3]), tonumber(c[4])
if ok + failed + cancelled < total then return {'recorded', status} end
local final
if status == 'CANCELLING' then final = 'CANCELLED'
elseif status == 'QUEUED' or status == 'RUNNING' then
  if failed > 0 then final = 'COMPLETED_WITH_ERRORS' else final = 'COMPLETED' end
elseif status == 'COMPLETED_WITH_ERRORS' and failed == 0 then final = 'COMPLETED'
else return {'recorded', status} end
redis.call('HSET', KEYS[1], 'status', final, 'finished_at', ARGV[3], 'status_at:' .. final, ARGV[3])
local active = 'evalify:quiz:{' .. c[6] .. '}:active'
if redis.call('GET', active) == c[5] then redis.call('DEL', active) end
local ttl = ARGV[5]
if failed > 0 then ttl = ARGV[6] end
for i = 1, 3 do redis.call('EXPIRE', KEYS[i], ttl) end
return {'completed', final}
