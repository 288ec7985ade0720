/**
 * Lua scripts that fold a whole guarded step into one round trip (see port.ts): a code check
 * (limit, lockout, challenge, failure count) and password attempt reservations (limit, then
 * several attempt limiters). Each touches several keys, like the admission in ./lua-guards.ts and
 * for the same reason: split up, a racing caller could slip between a check and its count.
 * Time comes from the server (TIME).
 */

/**
 * Sliding-window hit shared by both scripts (as the `hit` script, cost 1): trims, refuses past
 * the limit with the wait, else adds a "<µs>-<n>" member. Returns 0 when admitted, else the wait.
 */
const windowHit = `
local function windowHit(key, limit, window, nowUs)
  local nowMs = nowUs / 1000
  redis.call('ZREMRANGEBYSCORE', key, '-inf', string.format('%.3f', nowMs - window))
  local count = redis.call('ZCARD', key)
  if count >= limit then
    if limit == 0 then return window end
    local entry = redis.call('ZRANGE', key, count - limit, count - limit, 'WITHSCORES')
    return math.max(1, math.ceil(tonumber(entry[2]) + window - nowMs))
  end
  local stamp = string.format('%.0f', nowUs)
  redis.call('ZADD', key, string.format('%.3f', nowMs), stamp .. '-' .. (count + 1))
  redis.call('PEXPIRE', key, window)
  return 0
end
`

/**
 * Code check. KEYS: challenge, limit log, block, failure count (absent parts repeat the
 * challenge key and are not touched). ARGV: secret, id, has limit, limit, windowMs, has block,
 * has failures, memoryMs, every, then the lock lengths.
 * Reply: {'refused', gate (1 = limit, 2 = block), retryAfterMs} | {'missing'} | {'ok', payload}
 * | {'mismatch', attemptsLeft, failures, lockedForMs} | {'exhausted', 0, failures, lockedForMs}.
 * A failure refreshes the count's TTL (it is forgotten memoryMs after the latest one); each
 * every-th failure sets the block to the count for the next lock length.
 */
const checkChallenge = `${windowHit}
local t = redis.call('TIME')
local nowUs = tonumber(t[1]) * 1000000 + tonumber(t[2])
if ARGV[3] == '1' then
  local wait = windowHit(KEYS[2], tonumber(ARGV[4]), tonumber(ARGV[5]), nowUs)
  if wait > 0 then return {'refused', 1, wait} end
end
if ARGV[6] == '1' then
  local left = redis.call('PTTL', KEYS[3])
  if left ~= -2 then return {'refused', 2, left} end
end
local fields = redis.call('HMGET', KEYS[1], 'secret', 'payload', 'max', 'id')
if not fields[1] or fields[4] ~= ARGV[2] then return {'missing'} end
if fields[1] == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return {'ok', fields[2]}
end
local attempts = redis.call('HINCRBY', KEYS[1], 'attempts', 1)
local max = tonumber(fields[3])
local status = 'mismatch'
if attempts >= max then
  redis.call('DEL', KEYS[1])
  status = 'exhausted'
end
local failures = 0
local lock = 0
if ARGV[7] == '1' then
  failures = redis.call('INCR', KEYS[4])
  redis.call('PEXPIRE', KEYS[4], ARGV[8])
  local every = tonumber(ARGV[9])
  if failures % every == 0 then
    local step = math.min(failures / every, #ARGV - 9)
    lock = tonumber(ARGV[9 + step])
    redis.call('SET', KEYS[3], failures, 'PX', lock)
  end
end
return {status, max - attempts, failures, lock}
`

/**
 * Attempt reservations. KEYS: limit log (the first attempt key when there is none, untouched),
 * then the attempt hashes. ARGV: has limit, limit, windowMs, then per hash maxFailures, lockMs,
 * growthFactor, maxLockMs, windowMs. Each hash counts as in reserveAttempt (./lua-guards.ts).
 * Reply: {1, attempts, lockedForMs, …} per hash, or {0, gate, retryAfterMs} with gate 1 for the
 * limit and i for the i-th key.
 */
const reserveAttempts = `${windowHit}
local t = redis.call('TIME')
local nowUs = tonumber(t[1]) * 1000000 + tonumber(t[2])
local now = math.floor(nowUs / 1000)
if ARGV[1] == '1' then
  local wait = windowHit(KEYS[1], tonumber(ARGV[2]), tonumber(ARGV[3]), nowUs)
  if wait > 0 then return {0, 1, wait} end
end
for i = 2, #KEYS do
  local lockedUntil = tonumber(redis.call('HGET', KEYS[i], 'u') or '0')
  if lockedUntil > now then return {0, i, lockedUntil - now} end
end
local reply = {1}
for i = 2, #KEYS do
  local a = (i - 2) * 5 + 3
  local attempts = redis.call('HINCRBY', KEYS[i], 'c', 1)
  if attempts == 1 then redis.call('PEXPIRE', KEYS[i], ARGV[a + 5]) end
  local max = tonumber(ARGV[a + 1])
  local lock = 0
  if attempts >= max then
    local grown = tonumber(ARGV[a + 2]) * tonumber(ARGV[a + 3]) ^ math.min(attempts - max, 64)
    lock = math.floor(math.min(grown, tonumber(ARGV[a + 4])))
    redis.call('HSET', KEYS[i], 'u', string.format('%.0f', now + lock))
    if redis.call('PTTL', KEYS[i]) < lock then redis.call('PEXPIRE', KEYS[i], lock) end
  end
  reply[#reply + 1] = attempts
  reply[#reply + 1] = lock
end
return reply
`

/**
 * Releases. KEYS: attempt hashes; ARGV: per key '1' to forget it (DEL) or '0' to give one
 * attempt back and lift the lock (as releaseAttempt). Reply: 1.
 */
const releaseAttempts = `
for i = 1, #KEYS do
  local attempts = tonumber(redis.call('HGET', KEYS[i], 'c') or '0')
  if ARGV[i] == '1' or attempts <= 1 then
    redis.call('DEL', KEYS[i])
  else
    redis.call('HSET', KEYS[i], 'c', attempts - 1)
    redis.call('HDEL', KEYS[i], 'u')
  end
end
return 1
`

export const CHECK_SCRIPTS = { checkChallenge, reserveAttempts, releaseAttempts } as const
