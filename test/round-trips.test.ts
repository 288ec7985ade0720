/**
 * Round-trip budgets: what one request of each flow may cost in SQL and state calls, counted by
 * testing/round-trips.ts around the real ports (a libSQL file, and each state adapter against a
 * real redis-server or the Upstash REST bridge). At the edge each call is a network hop, so one
 * call more than the budget fails here, printing the calls the request made.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countRoundTrips } from './support/round-trip-budget.ts'
import type { RoundTrips } from '../testing/round-trips.ts'
import { createTestPropusk, type TestPropusk } from './support/propusk.ts'
import { stateStores } from './support/state-stores.ts'
import { insertApp, insertUser } from './support/account.ts'
import { requireAuth } from '../src/api/auth.ts'

const password = 'Kettle-Orbit-42-budget'
const phone = '+79161234567'

interface Budget {
  sql: number
  /** At least this many of the SQL calls are batches (exactly `sql` when all must be). */
  batches?: number
  /** Omitted: the flow's state calls are budgeted elsewhere. */
  state?: number
}

function expectWithin(trips: RoundTrips, budget: Budget) {
  const calls = `calls: ${trips.calls.join(', ') || '(none)'}`
  expect(trips.sql, `SQL round trips over ${budget.sql}; ${calls}`).toBeLessThanOrEqual(budget.sql)
  if (budget.batches !== undefined) {
    expect(trips.sqlBatches, `batches; ${calls}`).toBeGreaterThanOrEqual(budget.batches)
  }
  if (budget.state !== undefined) {
    expect(trips.state, `state round trips over ${budget.state}; ${calls}`).toBeLessThanOrEqual(
      budget.state,
    )
  }
}

describe.each(stateStores)('round-trip budgets on the %s state store', (_name, openState) => {
  let propusk: TestPropusk
  let counter: ReturnType<typeof countRoundTrips>

  const post = (path: string, body: Record<string, unknown>) =>
    propusk.app.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })

  /** Runs `request` with fresh counts and returns its response and what it cost. */
  async function measured(request: () => Promise<Response> | Response) {
    counter.reset()
    const response = await request()
    const body = (await response.json().catch(() => null)) as Record<string, unknown> | null
    return { status: response.status, body, trips: { ...counter.total } }
  }

  const signIn = async () => {
    const { status, body, trips } = await measured(() =>
      post('/v1/auth/password/sign-in', { login: phone, password, clientId: 'budget-app' }),
    )
    expect(status, JSON.stringify(body)).toBe(200)
    return {
      access: String(body?.access_token),
      refresh: String(body?.refresh_token),
      trips,
    }
  }

  beforeAll(async () => {
    propusk = await createTestPropusk({
      state: openState(),
      wrapPorts: (sql, state) => (counter = countRoundTrips(sql, state)),
    })
    await insertApp(propusk, { id: 'budget-app', type: 'engineer-mobile' })
    await insertUser(propusk, { phone, password })
    propusk.app.get('/test/budget/admin-only', requireAuth({ permission: 'users:read' }), (c) =>
      c.json({ ok: true }),
    )
    propusk.app.get('/test/budget/any', requireAuth(), (c) => c.body(null, 204))
  })
  afterAll(() => propusk.close())

  it('password sign-in: 2 SQL, one of them a batch (state calls budgeted by the plugin)', async () => {
    const { trips } = await signIn()
    expectWithin(trips, { sql: 2, batches: 1 })
  })

  it('refresh: 1 SQL batch and at most 1 state call', async () => {
    let { refresh } = await signIn()
    for (let i = 0; i < 3; i++) {
      const { status, body, trips } = await measured(() =>
        post('/v1/token', {
          grant_type: 'refresh_token',
          refresh_token: refresh,
          client_id: 'budget-app',
        }),
      )
      expect(status, JSON.stringify(body)).toBe(200)
      expectWithin(trips, { sql: 1, batches: 1, state: 1 })
      refresh = String(body?.refresh_token)
    }
  })

  it('GET /v1/me: at most 1 SQL and no state call', async () => {
    const { access } = await signIn()
    const { status, body, trips } = await measured(() =>
      propusk.app.request('/v1/me', { headers: { Authorization: `Bearer ${access}` } }),
    )
    expect(status).toBe(200)
    expect(body).toMatchObject({
      app: { id: 'budget-app' },
      roles: [{ id: 'role_field_employee' }],
    })
    expectWithin(trips, { sql: 1, state: 0 })
  })

  it('the auth middleware on any route: at most 1 SQL, permission checks included', async () => {
    const { access } = await signIn()
    const headers = { Authorization: `Bearer ${access}` }
    const any = await measured(() => propusk.app.request('/test/budget/any', { headers }))
    expect(any.status).toBe(204)
    expectWithin(any.trips, { sql: 1, state: 0 })
    const refused = await measured(() =>
      propusk.app.request('/test/budget/admin-only', { headers }),
    )
    expect(refused.status).toBe(403)
    expectWithin(refused.trips, { sql: 1, state: 0 })
  })

  it('POST /v1/sign-in/start: 1 state call and no SQL once the app is cached', async () => {
    const start = () => post('/v1/sign-in/start', { login: phone, clientId: 'budget-app' })
    const first = await measured(start)
    expect(first.status).toBe(200)
    // A cold isolate reads the app once.
    expectWithin(first.trips, { sql: 1, state: 1 })
    const warm = await measured(start)
    expect(warm.body).toMatchObject({ loginKind: 'phone', methods: ['password'] })
    expectWithin(warm.trips, { sql: 0, state: 1 })
  })
})
