-- Claims the delivery of a job's completion callback for one API instance, for a lease.
-- KEYS: 1 job hash
-- ARGV: 1 now ms, 2 lease ms, 3 owner
-- Returns 'missing' (no job), 'done' (delivered or given up), 'busy' (another instance holds the lease)
-- or 'claimed'. A lease that runs out (its holder died) can be claimed again.
if redis.call('EXISTS', KEYS[1]) == 0 then return 'missing' end
if redis.call('HEXISTS', KEYS[1], 'callback_status') == 1 then return 'done' end
local lease = redis.call('HGET', KEYS[1], 'callback_lease_until')
if lease and tonumber(lease) > tonumber(ARGV[1]) then return 'busy' end
redis.call('HSET', KEYS[1], 'callback_lease_until', tonumber(ARGV[1]) + tonumber(ARGV[2]),
  'callback_owner', ARGV[3])
return 'claimed'
