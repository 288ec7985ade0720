/**
 * `ctx.attempts`: failures-only limiters whose keys are each plugin's own, and the core's
 * sign-in failure answers plugins give when they refuse.
 */
import { describe, expect, it } from 'vitest'
import { createMemoryStateStore } from '../storage/state/memory.ts'
import { createPluginAttempts } from './attempts.ts'
import { signInFailed } from './errors.ts'

const policy = { maxFailures: 2, baseSeconds: 60, maxSeconds: 600 }

describe('ctx.attempts', () => {
  it("keeps each plugin's attempts under its own keys", async () => {
    const state = createMemoryStateStore({ prefix: 't:' })
    const totp = createPluginAttempts(state, 'totp').limiter(policy)
    const password = createPluginAttempts(state, 'password').limiter(policy)
    expect(totp.gate('login', 'user:1').key).toBe('attempts:totp:user:1')
    expect(await totp.reserve('user:1')).toEqual({ ok: true })
    expect(await totp.reserve('user:1')).toEqual({ ok: true })
    expect(await totp.reserve('user:1')).toMatchObject({ ok: false, retryAfterSeconds: 60 })
    // The same subject in another plugin counts apart, and clearing one leaves the other.
    expect(await password.reserve('user:1')).toEqual({ ok: true })
    await password.clear('user:1')
    expect(await totp.reserve('user:1')).toMatchObject({ ok: false })
  })

  it('counts failures only: a released attempt is given back', async () => {
    const state = createMemoryStateStore({ prefix: 't:' })
    const limiter = createPluginAttempts(state, 'm').limiter(policy)
    for (let i = 0; i < 5; i++) {
      expect(await limiter.reserve('s')).toEqual({ ok: true })
      await limiter.release('s')
    }
  })

  it('reserves several gates in one call and says which one refused', async () => {
    const state = createMemoryStateStore({ prefix: 't:' })
    const attempts = createPluginAttempts(state, 'm')
    const strict = attempts.limiter({ ...policy, maxFailures: 1 })
    const loose = attempts.limiter({ ...policy, maxFailures: 10 })
    const gates = () => [strict.gate('login', 'a'), loose.gate('ip', 'ip:1')]
    expect(await attempts.reserveAll(gates())).toEqual({ ok: true })
    expect(await attempts.reserveAll(gates())).toMatchObject({ ok: false, gate: 'login' })
    await attempts.releaseAll([{ gate: strict.gate('login', 'a'), forget: true }])
    expect(await attempts.reserveAll(gates())).toEqual({ ok: true })
  })

  it('admit counts like reserve and refuses with too_many_attempts and the wait while locked', async () => {
    const state = createMemoryStateStore({ prefix: 't:' })
    const limiter = createPluginAttempts(state, 'm').limiter(policy)
    await limiter.admit('s')
    await limiter.admit('s')
    const refused = await limiter
      .admit('s', 'Wrong login or code.')
      .catch((error: unknown) => error)
    expect(refused).toMatchObject({ code: 'too_many_attempts', status: 429 })
    expect(refused).toMatchObject({
      message: 'Wrong login or code.',
      details: { retryAfterSeconds: 60 },
    })
    expect(await limiter.reserve('s')).toMatchObject({ ok: false })
  })
})

describe('signInFailed', () => {
  it('answers with the core codes, the method wording and the wait', () => {
    const locked = signInFailed('too_many_attempts', { retryAfterSeconds: 30 })
    expect(locked).toMatchObject({ code: 'too_many_attempts', status: 429 })
    expect(locked.details).toEqual({ retryAfterSeconds: 30 })
    const wrong = signInFailed('invalid_credentials', { message: 'Wrong login or code.' })
    expect(wrong).toMatchObject({ code: 'invalid_credentials', status: 401 })
    expect(wrong.message).toBe('Wrong login or code.')
  })
})
