/**
 * Lua scripts shared by the Redis-over-TCP and Upstash adapters: one source of truth, so both
 * backends run byte-identical logic. Each script runs atomically on the server, which is what
 * gives racing callers exactly-once outcomes, and touches exactly one key (KEYS[1]) so it is
 * cluster-safe, except the admission scripts of ./lua-guards.ts (see there why) and the
 * multi-key checks of ./lua-checks.ts. All ARGV values
 * are strings; replies use integers, strings and flat arrays only, because both clients decode
 * those identically (Lua floats would be truncated anyway).
 */
import { GUARD_SCRIPTS } from './lua-guards.ts'
import { CHECK_SCRIPTS } from './lua-checks.ts'

/**
 * Compare-and-swap.
 * ARGV: hasExpected ('1'|'0'), expected, hasNext ('1'|'0'), next, ttlMs ('0' = keep the TTL).
 * Without a TTL the key keeps its remaining lifetime (KEEPTTL): swapping a short-lived value must
 * not silently make it immortal. Returns 1 when swapped, 0 otherwise.
 */
const compareAndSwap = `
local current = redis.call('GET', KEYS[1])
if ARGV[1] == '1' then
  if current ~= ARGV[2] then return 0 end
elseif current then
  return 0
end
if ARGV[3] ~= '1' then
  redis.call('DEL', KEYS[1])
elseif ARGV[5] ~= '0' then
  redis.call('SET', KEYS[1], ARGV[4], 'PX', ARGV[5])
else
  redis.call('SET', KEYS[1], ARGV[4], 'KEEPTTL')
end
return 1
`

/**
 * Counter. ARGV: by, ttlMs. The TTL is applied only when this call created the key, so a
 * counter window is anchored at its first increment and later increments cannot extend it.
 */
const increment = `
local created = redis.call('EXISTS', KEYS[1]) == 0
local value = redis.call('INCRBY', KEYS[1], ARGV[1])
if created then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return value
`

/**
 * Sliding-window log over a sorted set whose scores are hit times in milliseconds.
 * ARGV: limit, windowMs, cost. Reply: {allowed (1|0), remaining, retryAfterMs}.
 *
 * Time comes from the server (TIME) so clients with skewed clocks share one timeline. An entry
 * at time s counts while now - s < window. Members are "<microseconds>-<ordinal>": two calls in
 * the same microsecond see the first call's entries in ZCARD, so their ordinals never collide.
 * When denied, retryAfterMs is the time until enough of the oldest entries have left for `cost`
 * to fit; if cost exceeds limit it can never fit and the whole window is reported.
 */
const hit = `
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local t = redis.call('TIME')
local nowUs = tonumber(t[1]) * 1000000 + tonumber(t[2])
local nowMs = nowUs / 1000
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', string.format('%.3f', nowMs - window))
local count = redis.call('ZCARD', KEYS[1])
if count + cost <= limit then
  local score = string.format('%.3f', nowMs)
  local stamp = string.format('%.0f', nowUs)
  for i = 1, cost do
    redis.call('ZADD', KEYS[1], score, stamp .. '-' .. (count + i))
  end
  redis.call('PEXPIRE', KEYS[1], window)
  return {1, limit - count - cost, 0}
end
local retry = window
if cost <= limit then
  local need = count + cost - limit
  local entry = redis.call('ZRANGE', KEYS[1], need - 1, need - 1, 'WITHSCORES')
  retry = math.ceil(tonumber(entry[2]) + window - nowMs)
  if retry < 1 then retry = 1 end
end
local remaining = limit - count
if remaining < 0 then remaining = 0 end
return {0, remaining, retry}
`

/**
 * Stores a challenge hash. ARGV: secret, payload, maxAttempts, ttlMs, ifAbsent ('1'|'0'), id.
 * Deletes first so an overwrite never inherits stale fields or attempts. Returns 1 when written.
 */
const putChallenge = `
if ARGV[5] == '1' and redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'secret', ARGV[1], 'payload', ARGV[2], 'max', ARGV[3], 'attempts', '0',
  'id', ARGV[6])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1
`

/**
 * Checks a secret against a challenge. ARGV: secret. Reply: {'missing'} | {'ok', payload} |
 * {'mismatch', attemptsLeft} | {'exhausted'}. Plain equality is fine: callers pass hashes, so
 * there is no secret-dependent timing worth hiding here.
 */
const consumeChallenge = `
local fields = redis.call('HMGET', KEYS[1], 'secret', 'payload', 'max')
if not fields[1] then return {'missing'} end
if fields[1] == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return {'ok', fields[2]}
end
local attempts = redis.call('HINCRBY', KEYS[1], 'attempts', 1)
local max = tonumber(fields[3])
if attempts >= max then
  redis.call('DEL', KEYS[1])
  return {'exhausted'}
end
return {'mismatch', max - attempts}
`

export const STATE_SCRIPTS = {
  compareAndSwap,
  increment,
  hit,
  putChallenge,
  consumeChallenge,
  ...GUARD_SCRIPTS,
  ...CHECK_SCRIPTS,
} as const

export type StateScriptName = keyof typeof STATE_SCRIPTS
