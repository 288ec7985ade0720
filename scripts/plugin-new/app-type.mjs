/**
 * The files of a new client app type: a public client with a session policy, its default
 * sign-in methods and a redirect-URI rule.
 */

/** @param {import('./names.mjs').Names} n */
export function appTypeIndex(n) {
  return `import { defineClientAppType, redirectUris } from 'propusk/plugin'
import * as z from 'zod'

const hour = 3600
const day = 24 * hour

/** ${n.title}: a public client (it cannot keep a secret), with its own session lengths. */
export const ${n.ident} = defineClientAppType({
  id: '${n.id}',
  kind: 'client-app-type',
  name: '${n.label}',
  description: 'An app of the ${n.title} type.',
  // The console shows this to Russian admins: the name is the id in Cyrillic until you translate it.
  localized: {
    ru: { name: 'Приложение ${n.ruTitle}', description: 'Приложение типа ${n.ruTitle}.' },
  },
  clientKind: 'public',
  sessionPolicy: {
    accessTokenTtlSeconds: 15 * 60,
    refreshTokenAbsoluteTtlSeconds: 30 * day,
    refreshTokenIdleTtlSeconds: 7 * day,
  },
  defaultSignInMethods: ['password'],
  // https only (http://localhost too in development).
  isRedirectUriAllowed: redirectUris.isWebRedirectUri,
  // No settings yet: add fields with defaults, so \`{}\` stays valid.
  settings: z.object({}),
})
`
}

/** @param {import('./names.mjs').Names} n */
export function appTypeTest(n) {
  return `import { afterEach, describe, expect, it } from 'vitest'
import { createTestPropusk, registeredPlugins, type TestPropusk } from 'propusk/testing'
import { ${n.ident} } from './index.ts'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

async function start() {
  // Listed after the registered plugins: the same test runs before and after registration.
  const p = (running = await createTestPropusk({ plugins: [...registeredPlugins, ${n.ident}] }))
  const role = await p.createRole({ appTypes: ['${n.id}'] })
  const user = await p.insertUser({ roleIds: [role] })
  const app = await p.createApp({ type: '${n.id}', methods: ['password'] })
  return { p, user, app }
}

describe('${n.id}', () => {
  it('gives 15-minute access tokens and refreshes for 7 idle days', async () => {
    const { p, user, app } = await start()
    const tokens = await p.signInAs(user, app)
    expect(tokens.expiresIn).toBe(15 * 60)
    p.clock.advance(15 * 60 + 5)
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

  it('admits only people whose roles grant the type', async () => {
    const { p, app } = await start()
    const other = await p.insertUser({ roleIds: [await p.createRole({ appTypes: [] })] })
    await expect(p.signInAs(other, app)).rejects.toMatchObject({ code: 'app_access_denied' })
  })

  it('lets the admin API register https redirect URIs and refuses plain http', async () => {
    const { p } = await start()
    const admin = await p.insertUser({ roleIds: ['role_administrator'] })
    const { accessToken: token } = await p.signInAs(admin, 'admin-console')
    const create = (redirectUris: string[]) =>
      p.request('/v1/admin/apps', {
        token,
        body: { name: \`App \${crypto.randomUUID().slice(0, 6)}\`, type: '${n.id}', redirectUris },
      })
    expect((await create(['https://app.example.com/auth'])).status).toBe(201)
    expect((await create(['http://app.example.com/auth'])).status).toBe(400)
  })
})
`
}

/** @param {import('./names.mjs').Names} n */
export function appTypeReadme(n) {
  return `# ${n.label} type (\`${n.id}\`)

A client app type: apps registered with \`type: "${n.id}"\` are public clients (no secret), sign in
with \`password\` unless the app lists other methods, and get these sessions:

| Token                     | Lifetime            |
| ------------------------- | ------------------- |
| Access token              | 15 minutes          |
| Refresh token, idle       | 7 days without use  |
| Refresh token, absolute   | 30 days             |

Redirect URIs must be https (http://localhost in development). A person signs in to such an app
only when one of their roles lists \`${n.id}\` in its app types.

## Settings

None yet. Add fields with defaults to the \`settings\` schema in \`index.ts\`.

## Testing

\`npx vitest run plugins/app-types/${n.id}\`: the test starts a whole Propusk with
\`createTestPropusk\` from \`propusk/testing\`, signs in, refreshes and registers an app over
HTTP. See docs/plugins.md.
`
}
