/**
 * The StateStore logic common to both Redis adapters. The TCP (ioredis) and REST (Upstash)
 * adapters differ only in how a command or script reaches the server, so they each supply a
 * small driver and share everything else: key prefixing, validation, command shapes and reply
 * parsing. That keeps the two from drifting apart semantically. Web-standard only.
 */
import { DependencyError, type StateStore } from '../../kernel/ports/state.ts'
import type { StateScriptName } from './lua.ts'
import {
  assertChallenge,
  assertOptionalTtl,
  assertTtl,
  normaliseIncrement,
  normaliseRule,
  parseDecision,
  parseOutcome,
  toInteger,
  toNullableString,
} from './shared.ts'
import {
  admissionWire,
  assertAdmission,
  attemptArgs,
  normaliseAttemptPolicy,
  parseAdmission,
  parseAttempt,
} from './guards.ts'
import {
  assertCheck,
  assertReservation,
  checkWire,
  parseCheck,
  parseReservation,
  reservationWire,
} from './checks.ts'

export interface RedisDriver {
  /** Sends one plain command, e.g. `call('GET', key)`. */
  call(command: string, ...args: string[]): Promise<unknown>
  /** Runs a script from `STATE_SCRIPTS` (EVALSHA, falling back to EVAL when not cached). */
  script(name: StateScriptName, keys: string[], args: string[]): Promise<unknown>
  close(): Promise<void>
}

/**
 * Redis answered, and the answer is about the command itself (a bug on our side, e.g. a script
 * error or WRONGTYPE): not an outage. Both clients surface such replies with the server's error
 * prefix at the start of the message (ioredis `ReplyError`; Upstash `UpstashError`, which may
 * put "Command failed: " first).
 */
const COMMAND_ERROR = /^(Command failed: )?(ERR|WRONGTYPE)\b/

/** Everything else a driver throws — refused, reset, timed out, auth, LOADING — is an outage. */
export function toStateError(error: unknown): unknown {
  if (error instanceof DependencyError) return error
  if (error instanceof Error && COMMAND_ERROR.test(error.message)) return error
  return new DependencyError('state', error)
}

/** The driver with every failure classified at the adapter boundary. */
function guarded(driver: RedisDriver): RedisDriver {
  return {
    call: (command, ...args) =>
      driver.call(command, ...args).catch((error: unknown) => Promise.reject(toStateError(error))),
    script: async (name, keys, args) => {
      try {
        return await driver.script(name, keys, args)
      } catch (error) {
        throw toStateError(error)
      }
    },
    close: () => driver.close(),
  }
}

export function createScriptedStateStore(
  kind: 'redis' | 'upstash',
  prefix: string,
  rawDriver: RedisDriver,
): StateStore {
  const k = (key: string) => prefix + key
  const driver = guarded(rawDriver)

  return {
    kind,

    async get(key) {
      return toNullableString(await driver.call('GET', k(key)), 'GET')
    },

    async set(key, value, options = {}) {
      assertOptionalTtl(options.ttlMs)
      const args = [k(key), value]
      if (options.ttlMs !== undefined) args.push('PX', String(options.ttlMs))
      if (options.ifAbsent) args.push('NX')
      // SET replies OK when written and nil when NX found the key.
      return (await driver.call('SET', ...args)) !== null
    },

    async delete(key) {
      return toInteger(await driver.call('DEL', k(key)), 'DEL') > 0
    },

    async getAndDelete(key) {
      return toNullableString(await driver.call('GETDEL', k(key)), 'GETDEL')
    },

    async compareAndSwap(key, expected, next, options = {}) {
      assertOptionalTtl(options.ttlMs)
      const reply = await driver.script(
        'compareAndSwap',
        [k(key)],
        [
          expected === null ? '0' : '1',
          expected ?? '',
          next === null ? '0' : '1',
          next ?? '',
          String(options.ttlMs ?? 0),
        ],
      )
      return toInteger(reply, 'compareAndSwap') === 1
    },

    async increment(key, options) {
      const by = normaliseIncrement(options.by)
      assertTtl(options.ttlMs)
      const reply = await driver.script('increment', [k(key)], [String(by), String(options.ttlMs)])
      return toInteger(reply, 'increment')
    },

    async hit(key, rule) {
      const { limit, windowMs, cost } = normaliseRule(rule)
      const reply = await driver.script(
        'hit',
        [k(key)],
        [String(limit), String(windowMs), String(cost)],
      )
      return parseDecision(reply)
    },

    async putChallenge(key, challenge, options) {
      assertChallenge(challenge)
      assertTtl(options.ttlMs)
      const reply = await driver.script(
        'putChallenge',
        [k(key)],
        [
          challenge.secret,
          challenge.payload,
          String(challenge.maxAttempts),
          String(options.ttlMs),
          options.ifAbsent ? '1' : '0',
          challenge.id ?? '',
        ],
      )
      return toInteger(reply, 'putChallenge') === 1
    },

    async consumeChallenge(key, secret) {
      return parseOutcome(await driver.script('consumeChallenge', [k(key)], [secret]))
    },

    async reserveAttempt(key, policy) {
      const args = attemptArgs(normaliseAttemptPolicy(policy))
      return parseAttempt(await driver.script('reserveAttempt', [k(key)], args))
    },

    async releaseAttempt(key) {
      await driver.script('releaseAttempt', [k(key)], [])
    },

    async admit(admission) {
      assertAdmission(admission)
      const ticket = crypto.randomUUID()
      const { keys, args } = admissionWire(admission, k, ticket)
      return parseAdmission(await driver.script('admit', keys, args), admission, ticket)
    },

    async refundAdmission(refund) {
      const { claim, challenge } = refund
      const keys = [
        ...(claim === undefined ? [] : [claim]),
        ...(challenge === undefined ? [] : [challenge.key]),
        ...refund.limits,
      ]
      await driver.script('refundAdmission', keys.map(k), [
        refund.ticket,
        claim === undefined ? '0' : '1',
        challenge === undefined ? '0' : '1',
        challenge?.id ?? '',
      ])
    },

    async checkChallenge(check) {
      assertCheck(check)
      const { keys, args } = checkWire(check, k)
      return parseCheck(await driver.script('checkChallenge', keys, args), check)
    },

    async reserveAttempts(reservation) {
      assertReservation(reservation)
      const { keys, args } = reservationWire(reservation, k)
      return parseReservation(await driver.script('reserveAttempts', keys, args), reservation)
    },

    async releaseAttempts(releases) {
      if (releases.length === 0) return
      await driver.script(
        'releaseAttempts',
        releases.map((release) => k(release.key)),
        releases.map((release) => (release.forget ? '1' : '0')),
      )
    },

    async ttl(key) {
      return toInteger(await driver.call('PTTL', k(key)), 'PTTL')
    },

    async ping() {
      const reply = await driver.call('PING')
      if (reply !== 'PONG') throw new Error(`unexpected PING reply: ${String(reply)}`)
    },

    close() {
      return driver.close()
    },
  }
}
