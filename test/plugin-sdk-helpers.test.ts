/**
 * The SDK's route helpers as a plugin author meets them: a small sign-in method written only
 * with `propusk/plugin` (`postRoute`, `recordAudit`, `sessions.signInProven`), loaded beside the
 * registered plugins and called over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { defineSignInMethod, postRoute, recordAudit, requireAuth, sessions } from 'propusk/plugin'
import { createTestPropusk, json, registeredPlugins, type TestPropusk } from 'propusk/testing'

/** Each `prove` call, so a test can see whether the proof ran at all. */
const proofs: string[] = []
const errors = { 400: '`validation_failed`', 401: '`invalid_client`', 429: '`rate_limited`' }
const signInRoute = postRoute({
  path: '/sign-in',
  operationId: 'probeSignIn',
  summary: 'Sign in by naming yourself',
  tags: ['Probe'],
  auth: 'client',
  body: z.object({ userId: z.string(), ...sessions.signInClientFields }),
  result: sessions.tokenResponse,
  errors,
})
const noteRoute = postRoute({
  path: '/note',
  operationId: 'probeNote',
  summary: 'Audit a note',
  tags: ['Probe'],
  body: z.object({ note: z.string() }),
  result: z.object({ ok: z.boolean() }),
  errors,
})
const adminRoute = postRoute({
  path: '/admin',
  operationId: 'probeAdmin',
  summary: 'Administrators only',
  tags: ['Probe'],
  auth: requireAuth({ appTypes: ['admin-console'] }),
  body: z.object({}).optional(),
  result: z.object({ ok: z.boolean() }),
  errors,
})

const probe = defineSignInMethod({
  id: 'probe',
  kind: 'sign-in-method',
  name: 'Probe',
  loginKinds: ['email'],
  settings: z.object({}),
  routes(router, ctx) {
    router.openapi(signInRoute, async (c) => {
      const body = c.req.valid('json')
      return sessions.signInProven(c, ctx, body, async () => {
        proofs.push(body.userId)
        return { id: body.userId }
      })
    })
    router.openapi(noteRoute, async (c) => {
      await recordAudit(c, { action: 'probe.note', result: 'success', details: { note: 'x' } })
      return c.json({ ok: true }, 200)
    })
    router.openapi(adminRoute, async (c) => c.json({ ok: true }, 200))
  },
})

let p: TestPropusk
let userId: string
let publicApp: string
const appSecret = 'probe-secret-0123456789-abcdefghijklmnopqrstu'
let confidentialApp: string
beforeAll(async () => {
  p = await createTestPropusk({ plugins: [...registeredPlugins, probe] })
  userId = await p.insertUser({ email: 'probe@example.com' })
  publicApp = await p.createApp({ type: 'engineer-mobile', methods: ['probe'] })
  confidentialApp = await p.createApp({ type: 'api-only', methods: ['probe'], secret: appSecret })
})
afterAll(() => p.close())

const signIn = (body: object, headers?: Record<string, string>) =>
  p.request('/v1/auth/probe/sign-in', {
    body: { userId, ...body },
    ...(headers ? { headers } : {}),
  })

describe('sessions.signInProven', () => {
  it('signs the proven person in to a public app and answers with tokens', async () => {
    proofs.length = 0
    const response = await signIn({ clientId: publicApp, deviceLabel: 'Pixel' })
    expect(response.status).toBe(200)
    expect(await json(response)).toMatchObject({
      token_type: 'Bearer',
      session_id: expect.any(String),
    })
    expect(proofs).toEqual([userId])
  })

  it('refuses an unknown app and a confidential app without its secret before the proof runs', async () => {
    proofs.length = 0
    expect(await json(await signIn({ clientId: 'no-such-app' }))).toMatchObject({
      error: { code: 'app_not_found' },
    })
    for (const clientSecret of [undefined, 'wrong-secret']) {
      const refused = await signIn({ clientId: confidentialApp, clientSecret })
      expect(await json(refused)).toMatchObject({ error: { code: 'invalid_client' } })
    }
    const otherClient = { Authorization: `Basic ${btoa(`${publicApp}:${appSecret}`)}` }
    const mismatch = await signIn({ clientId: confidentialApp }, otherClient)
    expect(await json(mismatch)).toMatchObject({ error: { code: 'invalid_client' } })
    expect(proofs).toEqual([])
  })

  it('takes the secret in the body or as HTTP Basic', async () => {
    proofs.length = 0
    expect((await signIn({ clientId: confidentialApp, clientSecret: appSecret })).status).toBe(200)
    const basic = { Authorization: `Basic ${btoa(`${confidentialApp}:${appSecret}`)}` }
    expect((await signIn({ clientId: confidentialApp }, basic)).status).toBe(200)
    expect(proofs).toEqual([userId, userId])
  })
})

describe('postRoute and recordAudit', () => {
  it('documents each route with its id, security, body and error answers', async () => {
    const doc = (await json(await p.request('/openapi.json'))) as {
      paths: Record<string, { post: Record<string, unknown> }>
    }
    const signInOp = doc.paths['/v1/auth/probe/sign-in']?.post
    expect(signInOp).toMatchObject({
      operationId: 'probeSignIn',
      security: [{}, { clientBasic: [] }],
    })
    expect(Object.keys(signInOp?.responses as object).sort()).toEqual(['200', '400', '401', '429'])
    const note = doc.paths['/v1/auth/probe/note']?.post
    expect(note).toMatchObject({ security: [{ bearerAuth: [] }], requestBody: { required: true } })
    const admin = doc.paths['/v1/auth/probe/admin']?.post
    expect(admin).toMatchObject({ requestBody: { required: false } })
  })

  it('requires a signed-in caller by default, and the given middleware when named', async () => {
    expect((await p.request('/v1/auth/probe/note', { body: { note: 'x' } })).status).toBe(401)
    const { accessToken } = await p.signInAs(userId, publicApp, { method: 'probe' })
    const admin = await p.request('/v1/auth/probe/admin', { body: {}, token: accessToken })
    expect(admin.status).toBe(403)
  })

  it('records the request IP and id and the signed-in person and app as the actor', async () => {
    const { accessToken } = await p.signInAs(userId, publicApp, { method: 'probe' })
    const response = await p.request('/v1/auth/probe/note', {
      body: { note: 'x' },
      token: accessToken,
      headers: { 'x-request-id': 'req-probe-1' },
    })
    expect(response.status).toBe(200)
    const { rows } = await p.services.sql.execute(
      "SELECT actor_type, actor_id, app_id, ip, request_id FROM audit_log WHERE action = 'probe.note'",
    )
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ actor_type: 'user', actor_id: userId, app_id: publicApp })
    expect(rows[0]?.ip).toEqual(expect.any(String))
    expect(rows[0]?.request_id).toEqual(expect.any(String))
  })
})
