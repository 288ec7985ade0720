/**
 * Round-trip budgets of password sign-in, on every state-store adapter (one call more than the
 * budget fails). State: one call reserves the attempts and counts the per-IP limit; only the
 * right password adds the give-back, started alongside the session's SQL (docs/performance.md
 * says why it cannot be folded into the first). SQL is counted too, as a ceiling.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { StateStore } from 'propusk/plugin'
import {
  countRoundTrips,
  createTestPropusk,
  expectWithinBudget,
  fromIp,
  stateStores,
  type TestPropusk,
} from 'propusk/testing'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

const budgets = {
  signIn: { sql: 2, state: 2 },
  /** The app and person read, the audit row. */
  wrongPassword: { sql: 2, state: 1 },
  lockedOut: { sql: 2, state: 1 },
}

async function start(openState: () => StateStore) {
  let counter: ReturnType<typeof countRoundTrips> | undefined
  const p = await createTestPropusk({
    settings: { password: { maxFailuresBeforeLockout: 2 } },
    state: openState(),
    ipHeader: true,
    wrapPorts: (sql, state) => (counter = countRoundTrips(sql, state)),
  })
  running = p
  await p.createApp({ id: 'engineer-app', type: 'engineer-mobile' })
  if (!counter) throw new Error('ports were not wrapped')
  return { p, counter }
}

const RIGHT = 'верный пароль тут'
const signIn = (p: TestPropusk, password: string) =>
  p.request('/v1/auth/password/sign-in', {
    body: { clientId: 'engineer-app', login: 'ivan@example.com', password },
    headers: fromIp('192.0.2.7'),
  })

describe.each(stateStores)('password sign-in round trips (%s)', (_name, openState) => {
  it('a right password, a wrong one and a locked login stay within budget', async () => {
    const { p, counter } = await start(openState)
    await p.insertUser({ email: 'ivan@example.com', password: RIGHT })
    // The first request may fill isolate caches: measure warm ones.
    await signIn(p, RIGHT)

    counter.reset()
    expect((await signIn(p, RIGHT)).status).toBe(200)
    expectWithinBudget(counter.total, budgets.signIn, 'sign-in')

    counter.reset()
    expect((await signIn(p, 'wrong guess')).status).toBe(401)
    expectWithinBudget(counter.total, budgets.wrongPassword, 'wrong password')

    await signIn(p, 'wrong guess')
    counter.reset()
    expect((await signIn(p, RIGHT)).status).toBe(429)
    expectWithinBudget(counter.total, budgets.lockedOut, 'locked out')
  })
})
