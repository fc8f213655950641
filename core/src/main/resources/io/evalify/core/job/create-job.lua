-- Creates a job atomically: idempotency check, one-active-job-per-quiz lock, job hash, indexes.
-- KEYS: 1 job hash, 2 jobs index, 3 quiz active key, 4 idempotency key ('' slot unused when absent),
--       5 the quiz's job index, 6 pending callbacks
-- ARGV: 1 job id, 2 now ms, 3 total, 4 force (1/0), 5 idempotency value ('' = none),
--       6 idempotency ttl s, 7 initial status, 8 quiz index ttl s, 9 has callback (1/0), 10..n field/value pairs
local active = redis.call('GET', KEYS[3])
if ARGV[5] ~= '' then
  local existing = redis.call('GET', KEYS[4])
  if existing then return {'duplicate', existing} end
end
if active and ARGV[4] ~= '1' then
  local st = redis.call('HGET', 'evalify:job:{' .. active .. '}', 'status')
  if st == 'QUEUED' or st == 'RUNNING' or st == 'CANCELLING' then return {'conflict', active} end
end
if redis.call('EXISTS', KEYS[1]) == 1 then return {'exists', ARGV[1]} end
redis.call('HSET', KEYS[1], 'job_id', ARGV[1], 'status', ARGV[7], 'total', ARGV[3],
  'succeeded', 0, 'failed', 0, 'cancelled', 0, 'created_at', ARGV[2], 'updated_at', ARGV[2],
  'status_at:QUEUED', ARGV[2])
for i = 10, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
if ARGV[7] ~= 'QUEUED' then
  redis.call('HSET', KEYS[1], 'finished_at', ARGV[2], 'status_at:' .. ARGV[7], ARGV[2])
else
  redis.call('SET', KEYS[3], ARGV[1])
end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
-- The quiz's own index lives as long as its longest-kept job; older entries are dropped as it grows.
redis.call('ZADD', KEYS[5], ARGV[2], ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[5], 0, tonumber(ARGV[2]) - tonumber(ARGV[8]) * 1000)
redis.call('EXPIRE', KEYS[5], ARGV[8])
if ARGV[9] == '1' then redis.call('ZADD', KEYS[6], ARGV[2], ARGV[1]) end
if ARGV[5] ~= '' then redis.call('SET', KEYS[4], ARGV[5], 'EX', ARGV[6]) end
return {'created', ARGV[1]}
