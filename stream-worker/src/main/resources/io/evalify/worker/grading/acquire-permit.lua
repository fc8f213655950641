-- One permit of the global LLM concurrency limit, shared by every worker instance.
-- KEYS: 1 holders (sorted set: holder -> lease expiry ms), 2 cool-down key (set after a 429)
-- ARGV: 1 lease ms, 2 limit, 3 holder id
-- Returns 1 when granted, 0 when every permit is taken, -ms while a cool-down runs.
local cooling = redis.call('PTTL', KEYS[2])
if cooling > 0 then return -cooling end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
-- Leases of crashed holders expire, so a dead worker cannot keep permits forever.
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[1]), ARGV[3])
  return 1
end
return 0
