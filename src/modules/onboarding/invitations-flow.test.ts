import { afterEach, describe, expect, it } from 'vitest'
import { createTestPropusk, type TestPropusk } from '../../../test/support/propusk.ts'
import { defineDeliveryProvider, type Plugin } from '../../kernel/plugin.ts'
import * as z from 'zod'
import { plugins as defaultPlugins } from '../../plugins.ts'
import { ApiError } from '../../kernel/errors.ts'
import {
  insertUser,
  linkToken,
  outbox,
  passwordHashOf,
  postJson,
  testEnv,
} from '../../../test/support/account.ts'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

let offsetMs = 0
const clock = () => new Date(Date.now() + offsetMs)

async function start(env: Record<string, string> = {}, plugins?: Plugin[]) {
  offsetMs = 0
  running = await createTestPropusk({
    env: { ...testEnv(), ...env },
    now: clock,
    ...(plugins ? { plugins } : {}),
  })
  return running
}

const system = { actorId: null }

async function auditActions(propusk: TestPropusk, targetId: string) {
  const { rows } = await propusk.services.sql.execute({
    sql: 'SELECT action, result FROM audit_log WHERE target_id = ? ORDER BY at, rowid',
    args: [targetId],
  })
  return rows.map((r) => `${r.action}:${r.result}`)
}

describe('invitations (R2, R3)', () => {
  it('sends a link by e-mail; accepting it sets the password and activates the user, once', async () => {
    const propusk = await start()
    const id = await insertUser(propusk, {
      status: 'invited',
      email: 'anna@example.com',
      displayName: 'Анна Смирнова',
    })
    const state = await propusk.services.identity.invitations.send(id, system)
    expect(state).toMatchObject({
      channel: 'email',
      sentTo: 'anna@example.com',
      acceptedAt: null,
      revokedAt: null,
    })
    expect(Date.parse(state.expiresAt) - Date.parse(state.createdAt)).toBe(7 * 24 * 3600_000)
    const [mail] = await outbox(propusk, 'anna@example.com')
    expect(mail).toMatchObject({ channel: 'email', purpose: 'invitation' })
    expect(mail?.text).toContain('Здравствуйте, Анна Смирнова')
    expect(mail?.text).not.toContain('Hello') // one language: Russian for e-mail by default
    expect(mail?.html).toContain('http://localhost:8787/invite?token=')
    const token = await linkToken(propusk, 'anna@example.com', '/invite')

    const common = await postJson(propusk, '/v1/invitations/accept', {
      token,
      password: 'qwerty123',
    })
    expect(common.status).toBe(400)
    expect((await common.json()).error.code).toBe('password_too_common')
    const mine = await postJson(propusk, '/v1/invitations/accept', {
      token,
      password: 'anna@example.com!',
    })
    expect((await mine.json()).error.code).toBe('password_contains_identity')

    const accepted = await postJson(propusk, '/v1/invitations/accept', {
      token,
      password: 'тихий вечер на даче',
    })
    expect(accepted.status).toBe(200)
    expect((await accepted.json()).user).toMatchObject({
      id,
      status: 'active',
      email: 'anna@example.com',
    })
    const user = await propusk.services.identity.users.get(id)
    expect(user?.status).toBe('active')
    expect(user?.activatedAt).toBeTruthy()
    expect(await passwordHashOf(propusk, id)).toMatch(/^pbkdf2-sha256\$i=100000\$/)
    expect((await propusk.services.identity.invitations.latest(id))?.acceptedAt).toBeTruthy()

    const again = await postJson(propusk, '/v1/invitations/accept', {
      token,
      password: 'другой длинный пароль',
    })
    expect(again.status).toBe(400)
    expect((await again.json()).error.code).toBe('invitation_invalid')
    expect(await auditActions(propusk, id)).toEqual(
      expect.arrayContaining([
        'invitation.send:success',
        'invitation.accept:success',
        'invitation.accept:failure',
      ]),
    )
    // Invitations are for invited users only.
    await expect(propusk.services.identity.invitations.send(id, system)).rejects.toMatchObject({
      code: 'user_not_invited',
      status: 409,
    })
  })

  it('lets exactly one of 10 concurrent accepts win', async () => {
    const propusk = await start()
    const id = await insertUser(propusk, { status: 'invited', phone: '+79161112233', email: null })
    expect((await propusk.services.identity.invitations.send(id, system)).channel).toBe('sms')
    const token = await linkToken(propusk, '+79161112233', '/invite')
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        postJson(propusk, '/v1/invitations/accept', {
          token,
          password: `параллельный пароль ${i}`,
        }),
      ),
    )
    const statuses = answers.map((a) => a.status).sort()
    expect(statuses).toEqual([200, ...Array(9).fill(400)])
    const winner = answers.findIndex((a) => a.status === 200)
    // The stored password is the winner's, not one written by a loser afterwards.
    const hash = (await passwordHashOf(propusk, id)) as string
    const { verifyPassword } = await import('../passwords/hash.ts')
    expect((await verifyPassword(`параллельный пароль ${winner}`, hash)).ok).toBe(true)
  })

  it('refuses expired, re-sent (retired) and revoked links', async () => {
    const propusk = await start({ INVITATION_TTL_HOURS: '2' })
    const id = await insertUser(propusk, { status: 'invited', email: 'boris@example.com' })
    await propusk.services.identity.invitations.send(id, system)
    const first = await linkToken(propusk, 'boris@example.com', '/invite')
    offsetMs = 1000 // a different created_at, so the outbox order is certain
    await propusk.services.identity.invitations.send(id, system)
    const second = await linkToken(propusk, 'boris@example.com', '/invite')
    expect(second).not.toBe(first)
    const password = 'зелёная лампа в окне'
    expect(
      (await (await postJson(propusk, '/v1/invitations/accept', { token: first, password })).json())
        .error.code,
    ).toBe('invitation_invalid')

    offsetMs = 2 * 3600_000 + 5000
    const expired = await postJson(propusk, '/v1/invitations/accept', { token: second, password })
    expect((await expired.json()).error.code).toBe('invitation_invalid')
    const page = await propusk.app.request(`/invite?token=${second}&lang=en`)
    expect(await page.text()).toContain('This link no longer works')

    offsetMs = 0
    expect(
      await propusk.services.identity.invitations.revoke(id, { actorId: null, ip: '1.2.3.4' }),
    ).toBe(true)
    expect((await propusk.services.identity.invitations.latest(id))?.revokedAt).toBeTruthy()
    const revoked = await postJson(propusk, '/v1/invitations/accept', { token: second, password })
    expect((await revoked.json()).error.code).toBe('invitation_invalid')
    expect(await propusk.services.identity.invitations.revoke(id, system)).toBe(false)
    expect((await propusk.services.identity.users.get(id))?.status).toBe('invited')
  })

  it('keeps earlier links valid when a resend cannot be delivered (502 delivery_failed)', async () => {
    let failing = false
    const sent: string[] = []
    const flaky = defineDeliveryProvider({
      id: 'flaky-delivery',
      kind: 'delivery-provider',
      name: 'Fails on demand',
      channels: ['email', 'sms', 'call'],
      settings: z.object({}),
      createProvider: () => ({
        send: (message) => {
          if (failing) return Promise.reject(new Error('provider down'))
          sent.push(message.text ?? '')
          return Promise.resolve({ provider: 'flaky-delivery', status: 'sent' as const })
        },
      }),
    })
    const propusk = await start({ DELIVERY_EMAIL: 'flaky-delivery' }, [...defaultPlugins, flaky])
    const id = await insertUser(propusk, { status: 'invited', email: 'vera@example.com' })
    const first = await propusk.services.identity.invitations.send(id, system)
    const token = /\/invite\?token=([\w-]+)/.exec(sent[0] ?? '')?.[1]
    expect(token).toBeDefined()
    failing = true
    const error = await propusk.services.identity.invitations
      .send(id, system)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ code: 'delivery_failed', status: 502 })
    // The delivered link is still the latest one, still open, and still works.
    expect(await propusk.services.identity.invitations.latest(id)).toMatchObject({
      id: first.id,
      revokedAt: null,
    })
    expect(await auditActions(propusk, id)).toEqual([
      'invitation.send:success',
      'invitation.send:failure',
    ])
    const accepted = await postJson(propusk, '/v1/invitations/accept', {
      token,
      password: 'новый длинный пароль',
    })
    expect(accepted.status).toBe(200)
  })

  it('serves the invitation page in Russian or English with a nonce-based CSP', async () => {
    const propusk = await start()
    const id = await insertUser(propusk, {
      status: 'invited',
      email: 'gleb@example.com',
      displayName: '<b>Глеб</b>',
    })
    await propusk.services.identity.invitations.send(id, system)
    const token = await linkToken(propusk, 'gleb@example.com', '/invite')

    const ru = await propusk.app.request(`/invite?token=${token}`, {
      headers: { 'Accept-Language': 'ru-RU,ru;q=0.9,en;q=0.8' },
    })
    expect(ru.status).toBe(200)
    expect(ru.headers.get('content-type')).toContain('text/html')
    const html = await ru.text()
    expect(html).toContain('<html lang="ru">')
    expect(html).toContain('Создайте пароль')
    expect(html).toContain('&lt;b&gt;Глеб&lt;/b&gt;')
    expect(html).not.toContain('<b>Глеб</b>')
    expect(html).toContain('data-endpoint="/v1/invitations/accept"')
    expect(html).toContain('autocomplete="new-password"')
    const nonce = /<script nonce="([\w-]+)">/.exec(html)?.[1]
    expect(nonce).toBeTruthy()
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}'`,
    )
    expect(ru.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")

    const en = await propusk.app.request(`/invite?token=${token}`, {
      headers: { 'Accept-Language': 'en-GB,ru;q=0.5' },
    })
    expect(await en.text()).toContain('Create your password')
    const unknown = await propusk.app.request('/invite?token=nonsense', {
      headers: { 'Accept-Language': 'ru' },
    })
    expect(unknown.status).toBe(200)
    expect(await unknown.text()).toContain('Ссылка больше не действует')
  })
})

describe('OpenAPI', () => {
  it('documents the account, password and first-administrator endpoints and their error codes', async () => {
    const propusk = await start()
    const doc = await (await propusk.app.request('/openapi.json')).json()
    for (const [path, method] of [
      ['/v1/invitations/accept', 'post'],
      ['/v1/password-resets', 'post'],
      ['/v1/password-resets/complete', 'post'],
      ['/v1/auth/password/sign-in', 'post'],
      ['/v1/auth/password/change', 'post'],
      ['/v1/auth/setup-link/complete', 'post'],
      ['/invite', 'get'],
      ['/reset-password', 'get'],
      ['/setup', 'get'],
    ] as const) {
      const operation = doc.paths[path]?.[method]
      expect(operation, `${method} ${path}`).toBeDefined()
      expect(Object.keys(operation.responses).length, path).toBeGreaterThan(1)
      if (method === 'post')
        expect(operation.requestBody.content['application/json'].schema, path).toBeDefined()
    }
    const codes = (doc['x-error-codes'] as Array<{ code: string }>).map((e) => e.code)
    expect(codes).toEqual(
      expect.arrayContaining([
        'invalid_credentials',
        'too_many_attempts',
        'password_too_short',
        'password_too_long',
        'password_too_common',
        'password_contains_identity',
        'invitation_invalid',
        'reset_link_invalid',
        'delivery_failed',
      ]),
    )
  })
})
