import { describe, expect, it } from 'vitest'
import { createMemoryStateStore } from '../../storage/state/memory.ts'
import { clearAccountLockout, createPluginAttempts, loginLockoutSubject } from './lockout.ts'

const policy = { maxFailures: 2, baseSeconds: 60, maxSeconds: 600 }

describe('login lockouts', () => {
  it("a password reset ends the login's lockouts in every sign-in method", async () => {
    const state = createMemoryStateStore({ prefix: 't:' })
    const subject = await loginLockoutSubject('+7 916 123-45-67')
    const limiters = ['password', 'other'].map((id) =>
      createPluginAttempts(state, id).limiter({ ...policy, maxFailures: 1 }),
    )
    for (const limiter of limiters) await limiter.reserve(subject)
    for (const limiter of limiters)
      expect(await limiter.reserve(subject)).toMatchObject({ ok: false })
    const plugins = [
      { id: 'password', kind: 'sign-in-method' },
      { id: 'other', kind: 'sign-in-method' },
    ]
    await clearAccountLockout(state, { phone: '+79161234567', email: null }, plugins)
    for (const limiter of limiters) expect(await limiter.reserve(subject)).toEqual({ ok: true })
  })
})
