/**
 * Round-trip budgets of the one-time-code flows, on every state-store adapter: each SQL statement
 * or batch and each state call is a network hop at the edge, so one call more than the budget
 * fails here. The calls are counted by testing/round-trips.ts around the real ports.
 */
import { afterEach, describe, expect, it } from 'vitest'
import {
  countRoundTrips,
  expectWithinBudget,
  type Budget,
} from '../../../test/support/round-trip-budget.ts'
import { createTestPropusk, type TestPropusk } from '../../../test/support/propusk.ts'
import { stateStores } from '../../../test/support/state-stores.ts'
import {
  allMethods,
  engineerApp,
  insertApp,
  insertUser,
  latestCode,
  pluginSettings,
  sendCode,
  verifyCode,
  wrongCode,
} from '../../../test/support/otp.ts'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

/**
 * State: the targets. SQL: a send is one read before the message (the person, what their roles
 * grant and the SMS-forwarding rule; the app is the isolate's cached copy) and one batch after
 * it (the delivery log row with the audit row): 2, above the target of 1, because the person
 * decides whether a message goes out and the log row records the provider's answer (see
 * docs/performance.md, "Code and password round trips"). Console delivery, used here, adds its
 * outbox row, a statement no real provider makes: hence 3.
 */
const budgets = {
  /** Lockout, resend wait, limits and the challenge: one script. */
  smsSend: { sql: 3, sqlBatches: 1, state: 1 },
  emailSend: { sql: 3, sqlBatches: 1, state: 1 },
  /** Flash call: the provider picks the code, so the challenge is stored after the call. */
  flashSend: { sql: 3, sqlBatches: 1, state: 2 },
  /** Nothing is delivered: the read and the audit row. */
  decoySend: { sql: 2, state: 1 },
  /** Limit, lockout, consume: one script; the app cached; the person, session, audit: one batch. */
  verify: { sql: 1, sqlBatches: 1, state: 1 },
  /** Limit, lockout, consume, failure count and lock: one script; the app cached; the audit row. */
  wrongCode: { sql: 1, state: 1 },
} satisfies Record<string, Budget>

async function start(openState: () => import('../../kernel/ports/state.ts').StateStore) {
  let counter: ReturnType<typeof countRoundTrips> | undefined
  const p = await createTestPropusk({
    env: { ...pluginSettings(), PUBLIC_URL: 'https://id.example.com' },
    state: openState(),
    wrapPorts: (sql, state) => (counter = countRoundTrips(sql, state)),
  })
  running = p
  await insertApp(p, { id: engineerApp, type: 'engineer-mobile', methods: allMethods })
  if (!counter) throw new Error('ports were not wrapped')
  return { p, counter }
}

describe.each(stateStores)('one-time-code round trips (%s)', (_name, openState) => {
  it.each([
    ['sms-otp', '+79161234567', budgets.smsSend],
    ['email-otp', 'ivan@example.com', budgets.emailSend],
    ['flash-call', '+79161234568', budgets.flashSend],
  ])('%s: a send and a right code stay within budget', async (method, login, sendBudget) => {
    const { p, counter } = await start(openState)
    const isPhone = login.startsWith('+')
    await insertUser(p, isPhone ? { phone: login } : { email: login })
    // The first request of an app may fill isolate caches: measure a warm one.
    await sendCode(p, method, isPhone ? '+79161110000' : 'warm@example.com')
    counter.reset()
    const sent = await sendCode(p, method, login)
    expect(sent.status, JSON.stringify(sent.body)).toBe(200)
    expectWithinBudget(counter.total, sendBudget, `${method} send`)

    const code = await latestCode(p, login)
    counter.reset()
    const verified = await verifyCode(p, method, sent.body.challengeId, code)
    expect(verified.status, JSON.stringify(verified.body)).toBe(200)
    expectWithinBudget(counter.total, budgets.verify, `${method} verify`)
  })

  it('an unknown login (a decoy) costs what a known one does', async () => {
    const { p, counter } = await start(openState)
    await sendCode(p, 'sms-otp', '+79161230000')
    counter.reset()
    const sent = await sendCode(p, 'sms-otp', '+79161239999')
    expect(sent.status).toBe(200)
    expectWithinBudget(counter.total, budgets.decoySend, 'decoy send')
  })

  it('a wrong code: one state call counts it, one SQL writes the audit row', async () => {
    const { p, counter } = await start(openState)
    const login = '+79161234569'
    await insertUser(p, { phone: login })
    const sent = await sendCode(p, 'sms-otp', login)
    const code = await latestCode(p, login)
    counter.reset()
    const wrong = await verifyCode(p, 'sms-otp', sent.body.challengeId, wrongCode(code))
    expect(wrong.status).toBe(400)
    expectWithinBudget(counter.total, budgets.wrongCode, 'wrong code')
  })
})
