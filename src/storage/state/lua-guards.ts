/**
 * Lua scripts of the attempt limiter and admissions (see port.ts), registered with the others in
 * ./lua.ts. The decision and the counting happen in one script, so no racing caller can slip
 * between a check and its count. Time comes from the server (TIME), like the sliding window.
 */

/**
 * Attempt limiter on one hash: `c` = attempts counted, `u` = lock end (server epoch ms).
 * ARGV: maxFailures, lockMs, growthFactor, maxLockMs, windowMs.
 * Reply: {1, attempts, lockedForMs} when admitted, {0, 0, retryAfterMs} while locked.
 * The window is anchored at the first attempt; a lock that would outlive it stretches the key's
 * TTL, or the lock would vanish with the count. The growth matches attemptLockMs in ./guards.ts.
 */
const reserveAttempt = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local lockedUntil = tonumber(redis.call('HGET', KEYS[1], 'u') or '0')
if lockedUntil > now then return {0, 0, lockedUntil - now} end
local attempts = redis.call('HINCRBY', KEYS[1], 'c', 1)
if attempts == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[5]) end
local max = tonumber(ARGV[1])
if attempts < max then return {1, attempts, 0} end
local grown = tonumber(ARGV[2]) * tonumber(ARGV[3]) ^ math.min(attempts - max, 64)
local lock = math.floor(math.min(grown, tonumber(ARGV[4])))
redis.call('HSET', KEYS[1], 'u', string.format('%.0f', now + lock))
if redis.call('PTTL', KEYS[1]) < lock then redis.call('PEXPIRE', KEYS[1], lock) end
return {1, attempts, lock}
`

/** Gives one attempt back and lifts the lock; the last one gone, the key goes too. Reply: 1. */
const releaseAttempt = `
local attempts = tonumber(redis.call('HGET', KEYS[1], 'c') or '0')
if attempts <= 1 then
  redis.call('DEL', KEYS[1])
else
  redis.call('HSET', KEYS[1], 'c', attempts - 1)
  redis.call('HDEL', KEYS[1], 'u')
end
return 1
`

/**
 * Admission. KEYS: the refusing keys (blocks, then the claim if any), the read key if any, the
 * challenge key if any, then the sliding-window logs. ARGV: number of refusing keys, claim ttlMs
 * ('0' = no claim), has read ('1'|'0'), ticket, has challenge ('1'|'0'), then limit and windowMs
 * per log, then (with a challenge) secret, payload, maxAttempts, ttlMs, id, lockStep ('0' = none).
 * Reply: {1, hasValue, value} when admitted; {0, gate, retryAfterMs} when refused, with gate the
 * 1-based index among the refusing keys then the logs, and retryAfterMs -1 for a key without TTL.
 *
 * Several keys in one script: fine on single-node Redis and Upstash, which is what Propusk runs
 * on. A Redis Cluster would refuse it (the per-IP, per-login and per-country keys cannot share a
 * hash slot), and splitting it would bring back the check-then-count race this script closes.
 * The hits are members named by the ticket (never colliding with hit()'s "<µs>-<n>" members), so
 * a refund removes exactly this admission's hits. Trimming expired hits before a refusal changes
 * nothing a caller can see. The challenge is written as putChallenge writes it.
 */
const admit = `
local refusing = tonumber(ARGV[1])
local hasRead = ARGV[3] == '1'
local ticket = ARGV[4]
local hasChallenge = ARGV[5] == '1'
for i = 1, refusing do
  local left = redis.call('PTTL', KEYS[i])
  if left ~= -2 then return {0, i, left} end
end
local t = redis.call('TIME')
local nowMs = (tonumber(t[1]) * 1000000 + tonumber(t[2])) / 1000
local first = refusing + 1
if hasRead then first = first + 1 end
local challengeKey = KEYS[first]
if hasChallenge then first = first + 1 end
for i = first, #KEYS do
  local limit = tonumber(ARGV[(i - first) * 2 + 6])
  local window = tonumber(ARGV[(i - first) * 2 + 7])
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', string.format('%.3f', nowMs - window))
  local count = redis.call('ZCARD', KEYS[i])
  if count >= limit then
    local retry = window
    if limit > 0 then
      local entry = redis.call('ZRANGE', KEYS[i], count - limit, count - limit, 'WITHSCORES')
      retry = math.ceil(tonumber(entry[2]) + window - nowMs)
      if retry < 1 then retry = 1 end
    end
    return {0, refusing + 1 + i - first, retry}
  end
end
local score = string.format('%.3f', nowMs)
for i = first, #KEYS do
  redis.call('ZADD', KEYS[i], score, ticket)
  redis.call('PEXPIRE', KEYS[i], ARGV[(i - first) * 2 + 7])
end
if ARGV[2] ~= '0' then redis.call('SET', KEYS[refusing], ticket, 'PX', ARGV[2]) end
local value = false
if hasRead then value = redis.call('GET', KEYS[refusing + 1]) end
if hasChallenge then
  local c = (#KEYS - first + 1) * 2 + 6
  local max = tonumber(ARGV[c + 2])
  local step = tonumber(ARGV[c + 5])
  if step > 0 then
    local left = step - (tonumber(value or '0') or 0) % step
    max = math.max(1, math.min(max, left))
  end
  redis.call('DEL', challengeKey)
  redis.call('HSET', challengeKey, 'secret', ARGV[c], 'payload', ARGV[c + 1], 'max', max,
    'attempts', '0', 'id', ARGV[c + 4])
  redis.call('PEXPIRE', challengeKey, ARGV[c + 3])
end
if value then return {1, 1, value} end
return {1, 0, ''}
`

/**
 * Refund. KEYS: the claim if ARGV[2] == '1', the challenge if ARGV[3] == '1', then the logs.
 * ARGV: ticket, has claim, has challenge, challenge id. The claim goes only while it still holds
 * this ticket, the challenge only while it still has this id (not once a later send replaced
 * it). Reply: 1.
 */
const refundAdmission = `
local first = 1
if ARGV[2] == '1' then
  if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
  first = 2
end
if ARGV[3] == '1' then
  if redis.call('HGET', KEYS[first], 'id') == ARGV[4] then redis.call('DEL', KEYS[first]) end
  first = first + 1
end
for i = first, #KEYS do redis.call('ZREM', KEYS[i], ARGV[1]) end
return 1
`

export const GUARD_SCRIPTS = { reserveAttempt, releaseAttempt, admit, refundAdmission } as const
