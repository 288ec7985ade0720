/**
 * The web app type, through the whole app: its session policy as the tokens a web app gets,
 * and its redirect-URI rule as the admin API applies it. Run both with the plugin registered and
 * as a plugin not yet in `src/plugins.ts` would be tested.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createTestPropusk, registeredPlugins, type TestPropusk } from 'propusk/testing'
import { webApp } from './index.ts'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

const withoutWeb = registeredPlugins.filter((plugin) => plugin.id !== webApp.id)

describe.each([
  ['registered', registeredPlugins],
  ['not yet registered', [...withoutWeb, webApp]],
])('the web app type (%s)', (_name, plugins) => {
  const start = async () => {
    const p = (running = await createTestPropusk({ plugins: [...plugins, webApp] }))
    const role = await p.createRole({ appTypes: ['web'] })
    const user = await p.insertUser({ kind: 'customer', roleIds: [role] })
    const app = await p.createApp({ type: 'web', methods: ['password', 'email-otp'] })
    return { p, user, app }
  }

  it('gives 15-minute access tokens and refreshes for 7 idle days', async () => {
    const { p, user, app } = await start()
    const tokens = await p.signInAs(user, app)
    expect(tokens.expiresIn).toBe(15 * 60)
    p.clock.advance(15 * 60 - 5)
    expect((await p.request('/v1/me', { token: tokens.accessToken })).status).toBe(200)
    p.clock.advance(10)
    expect((await p.request('/v1/me', { token: tokens.accessToken })).status).toBe(401)

    const refresh = (refreshToken: string) =>
      p.request('/v1/token', {
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: refreshToken,
          client_id: app,
        }).toString(),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      })
    p.clock.advance(6 * 86_400)
    const refreshed = await refresh(tokens.refreshToken)
    expect(refreshed.status).toBe(200)
    const next = (await refreshed.json()) as { refresh_token: string }
    p.clock.advance(7 * 86_400 + 60)
    expect((await refresh(next.refresh_token)).status).toBe(400)
  })

  it('refuses a web app for a person whose roles grant only other app types', async () => {
    const { p, app } = await start()
    const role = await p.createRole({ appTypes: ['engineer-mobile'] })
    const engineer = await p.insertUser({ roleIds: [role] })
    await expect(p.signInAs(engineer, app)).rejects.toMatchObject({ code: 'app_access_denied' })
  })

  it('lets the admin API register https redirect URIs and refuses plain http', async () => {
    const { p } = await start()
    const admin = await p.insertUser({ roleIds: ['role_administrator'] })
    const { accessToken: token } = await p.signInAs(admin, 'admin-console')
    const create = (redirectUris: string[]) =>
      p.request('/v1/admin/apps', {
        token,
        body: { name: `Web ${crypto.randomUUID().slice(0, 6)}`, type: 'web', redirectUris },
      })
    expect((await create(['https://field.example.com/auth'])).status).toBe(201)
    expect((await create(['http://field.example.com/auth'])).status).toBe(400)
  })
})
