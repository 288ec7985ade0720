/**
 * THE runtime smoke suite: one definition, run against the real app on Node, workerd and Deno
 * (node.test.ts, workerd.test.ts, deno.test.ts). Everything goes through HTTP, as a client sees
 * it; each runtime test only decides how requests reach the app and which stores it uses.
 *
 * The tests run in order and share one app: the rate-limit test comes last because it uses up
 * the per-IP budget of the setup-link verify route that the SQL test also calls.
 *
 * The SMS sign-in puts its person and app straight into SQL (the admin API is not what is under
 * test here), then goes through every endpoint a mobile app calls, on every runtime.
 */
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose'
import { describe, expect, it } from 'vitest'
import { plugins } from '../../src/plugins.ts'
import type { SqlStatement } from '../../src/kernel/ports/sql.ts'
import { adminAccessToken } from './support/admin-token.ts'

export interface SmokeTarget {
  /** Sends a request to the app under test (`path` starts with `/`). */
  fetch(path: string, init?: RequestInit): Promise<Response>
  /** The origin the app listens on, for clients that need a real URL (jose's remote JWKS). */
  baseUrl: string
  /** A valid first-administrator link token that is stored in the app's SQL database. */
  setupToken: string
  /**
   * Keys the app wrote to its state store under its own prefix, read from the store directly
   * (not through the app): proves state lives in the real Redis, not in process memory.
   */
  stateKeys(): Promise<string[]>
  /** Runs statements in one batch on the app's own SQL database (not through the app). */
  sql(statements: SqlStatement[]): Promise<void>
}

interface ErrorJson {
  error: {
    code: string
    message: string
    requestId?: string
    fields?: Array<{ field: string; message: string }>
  }
}

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
})

/** A token of the right shape that was never issued (the route checks length 20..200). */
const unknownToken = () => `unknown-${crypto.randomUUID()}-${crypto.randomUUID()}`

export function defineSmokeSuite(runtime: string, getTarget: () => SmokeTarget): void {
  describe(`smoke suite on ${runtime}`, () => {
    // The development outbox answers admins only; one is made on first use.
    let admin: Promise<string> | undefined
    const readOutbox = async (query: string) => {
      admin ??= adminAccessToken(getTarget())
      const headers = { Authorization: `Bearer ${await admin}` }
      return getTarget().fetch(`/v1/providers/console-delivery/outbox?${query}`, { headers })
    }

    it('GET /healthz answers 200 with SQL and state ok, with the common headers', async () => {
      const response = await getTarget().fetch('/healthz')
      expect(response.status).toBe(200)
      expect(await response.json()).toEqual({ status: 'ok', checks: { sql: 'ok', state: 'ok' } })
      expect(response.headers.get('x-request-id')).toMatch(/^req_/)
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('cache-control')).toContain('no-store')
    })

    it('an unknown route answers a 404 JSON error with a code and the request id', async () => {
      const requestId = `smoke-${runtime}-${Date.now()}`
      const response = await getTarget().fetch('/v1/no-such-route', {
        headers: { 'X-Request-Id': requestId },
      })
      expect(response.status).toBe(404)
      expect(response.headers.get('content-type')).toContain('application/json')
      expect(response.headers.get('x-request-id')).toBe(requestId)
      const body = (await response.json()) as ErrorJson
      expect(body.error.code).toBe('not_found')
      expect(body.error.message).toMatch(/\/v1\/no-such-route/)
      expect(body.error.requestId).toBe(requestId)
      expect(JSON.stringify(body)).not.toMatch(/\bat .+:\d+:\d+/) // no stack trace
    })

    it('bad input answers 400 validation_failed naming the field', async () => {
      const response = await getTarget().fetch(
        '/v1/auth/setup-link/verify',
        json({ token: 'short' }),
      )
      expect(response.status).toBe(400)
      const body = (await response.json()) as ErrorJson
      expect(body.error.code).toBe('validation_failed')
      expect(body.error.fields?.map((f) => f.field)).toEqual(['token'])
      expect(body.error.requestId).toMatch(/^req_/)
    })

    it('serves plugin routes and the OpenAPI document that lists them', async () => {
      const target = getTarget()
      const list = await target.fetch('/v1/plugins')
      expect(list.status).toBe(200)
      const { plugins: listed } = (await list.json()) as {
        plugins: Array<{ id: string; routePrefix: string }>
      }
      expect(listed.map((p) => p.id)).toEqual(plugins.map((p) => p.id))
      expect(listed.find((p) => p.id === 'setup-link')?.routePrefix).toBe('/v1/auth/setup-link')

      const status = await target.fetch('/v1/auth/setup-link/status')
      expect(status.status).toBe(200)
      expect(await status.json()).toEqual({ pending: true })

      const openapi = await target.fetch('/openapi.json')
      expect(openapi.status).toBe(200)
      const doc = (await openapi.json()) as { openapi: string; paths: Record<string, unknown> }
      expect(doc.openapi).toMatch(/^3\.1\./)
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/healthz', '/v1/plugins', '/v1/auth/setup-link/verify']),
      )
    })

    it('SQL round trip: the stored setup link verifies, an unknown one does not', async () => {
      const target = getTarget()
      const valid = await target.fetch(
        '/v1/auth/setup-link/verify',
        json({ token: target.setupToken }),
      )
      expect(valid.status).toBe(200)
      const body = (await valid.json()) as { valid: boolean; expiresAt: string }
      expect(body.valid).toBe(true)
      expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now())

      const unknown = await target.fetch(
        '/v1/auth/setup-link/verify',
        json({ token: unknownToken() }),
      )
      expect(unknown.status).toBe(400)
      expect(((await unknown.json()) as ErrorJson).error.code).toBe('setup_link_invalid')

      // A plugin's own table, read through its route (development mode, admins only).
      const outbox = await readOutbox('limit=5')
      expect(outbox.status).toBe(200)
      expect(await outbox.json()).toEqual({ messages: expect.any(Array) })
    })

    it('SMS sign-in: start, send, read the code from the outbox, verify, a token the JWKS verifies', async () => {
      const target = getTarget()
      const suffix = crypto.randomUUID().slice(0, 8)
      const userId = `usr_smoke_${suffix}`
      const clientId = `smoke-engineer-${suffix}`
      const phone = `+7916${String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')}`
      const at = new Date().toISOString()
      await target.sql([
        {
          sql: `INSERT INTO apps (id, name, type, enabled, sign_in_methods, settings, created_at, updated_at)
                VALUES (?, 'Smoke engineer app', 'engineer-mobile', 1, ?, '{}', ?, ?)`,
          args: [clientId, JSON.stringify(['sms-otp', 'password']), at, at],
        },
        {
          sql: `INSERT INTO users (id, kind, display_name, phone, status, created_at, updated_at, activated_at)
                VALUES (?, 'employee', 'Smoke Engineer', ?, 'active', ?, ?, ?)`,
          args: [userId, phone, at, at, at],
        },
        // The seeded "Field employee" role grants the engineer mobile app (R7, R10).
        {
          sql: `INSERT INTO user_roles (user_id, role_id) VALUES (?, 'role_field_employee')`,
          args: [userId],
        },
      ])
      const local = `8 (${phone.slice(2, 5)}) ${phone.slice(5, 8)}-${phone.slice(8, 10)}-${phone.slice(10)}`

      const start = await target.fetch('/v1/sign-in/start', json({ login: local, clientId }))
      expect(start.status).toBe(200)
      expect(await start.json()).toEqual({
        loginKind: 'phone',
        normalizedLogin: phone,
        methods: ['sms-otp', 'password'],
      })

      const send = await target.fetch('/v1/auth/sms-otp/send', json({ login: local, clientId }))
      expect(send.status).toBe(200)
      const sent = (await send.json()) as { challengeId: string; codeLength: number }
      expect(sent.codeLength).toBe(4)

      const query = new URLSearchParams({ recipient: phone, channel: 'sms' })
      const outbox = await readOutbox(String(query))
      expect(outbox.status).toBe(200)
      const { messages } = (await outbox.json()) as { messages: Array<{ text: string | null }> }
      expect(messages).toHaveLength(1)
      const code = /#(\d{4})$/.exec(messages[0]?.text ?? '')?.[1]
      expect(code, messages[0]?.text ?? '').toMatch(/^\d{4}$/)

      const verify = await target.fetch(
        '/v1/auth/sms-otp/verify',
        json({ challengeId: sent.challengeId, code, clientId, deviceLabel: 'smoke' }),
      )
      expect(verify.status).toBe(200)
      const tokens = (await verify.json()) as {
        status: string
        access_token: string
        token_type: string
        refresh_token: string
      }
      expect(tokens).toMatchObject({ status: 'signed_in', token_type: 'Bearer' })
      expect(tokens.refresh_token).toEqual(expect.any(String))

      const jwks = await target.fetch('/.well-known/jwks.json')
      expect(jwks.status).toBe(200)
      const keySet = createLocalJWKSet((await jwks.json()) as JSONWebKeySet)
      const { payload } = await jwtVerify(tokens.access_token, keySet)
      expect(payload.sub).toBe(userId)

      // The code worked once.
      const again = await target.fetch(
        '/v1/auth/sms-otp/verify',
        json({ challengeId: sent.challengeId, code, clientId }),
      )
      expect(again.status).toBe(400)
      expect(((await again.json()) as ErrorJson).error.code).toBe('code_expired')
    })

    it('state round trip: the per-IP verify limit is kept in the state store and answers 429', async () => {
      const target = getTarget()
      const statuses: number[] = []
      let limited: Response | undefined
      // The rule allows a handful of attempts per window; 50 is far beyond any sane limit.
      for (let i = 0; i < 50 && !limited; i++) {
        const response = await target.fetch(
          '/v1/auth/setup-link/verify',
          json({ token: unknownToken() }),
        )
        statuses.push(response.status)
        if (response.status === 429) limited = response
        else await response.body?.cancel()
      }
      expect(limited, `statuses: ${statuses.join(',')}`).toBeDefined()
      // Every attempt before the limit was a normal answer, so the counter grew request by request.
      expect(statuses.slice(0, -1).every((s) => s === 400)).toBe(true)
      expect(((await limited?.json()) as ErrorJson).error.code).toBe('rate_limited')
      expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0)

      // Still limited: the count persisted between requests. Even a valid link is refused now.
      const again = await target.fetch(
        '/v1/auth/setup-link/verify',
        json({ token: target.setupToken }),
      )
      expect(again.status).toBe(429)

      expect(await target.stateKeys()).toEqual(
        expect.arrayContaining([expect.stringContaining('setup-link:verifyPerIp')]),
      )
    })
  })
}
