-- Moves a job to a new status if its current status is one of the allowed sources.
-- KEYS: 1 job hash, 2 quiz active key, 3 outcomes hash, 4 failures hash
-- ARGV: 1 target, 2 now ms, 3 error ('' = keep), 4 terminal (1/0), 5 ttl s when terminal, 6.. allowed sources
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return {'missing', ''} end
local allowed = false
for i = 6, #ARGV do if ARGV[i] == status then allowed = true end end
if not allowed then return {'illegal', status} end
redis.call('HSET', KEYS[1], 'status', ARGV[1], 'updated_at', ARGV[2], 'status_at:' .. ARGV[1], ARGV[2])
if ARGV[3] ~= '' then redis.call('HSET', KEYS[1], 'error', ARGV[3]) end
if ARGV[1] == 'RUNNING' and redis.call('HEXISTS', KEYS[1], 'started_at') == 0 then
  redis.call('HSET', KEYS[1], 'started_at', ARGV[2])
end
if ARGV[4] == '1' then
  redis.call('HSET', KEYS[1], 'finished_at', ARGV[2])
  if redis.call('GET', KEYS[2]) == redis.call('HGET', KEYS[1], 'job_id') then redis.call('DEL', KEYS[2]) end
  for i = 1, 4 do if i ~= 2 then redis.call('EXPIRE', KEYS[i], ARGV[5]) end end
end
return {'ok', status}
