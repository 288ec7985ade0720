/**
 * The files of a new sign-in method: a route that proves a person with their login and the
 * account password, counting failures with `ctx.attempts` and answering with `signInFailed`.
 * The password is only the stand-in proof: the author replaces `prove()` with the method's own.
 */

/** @param {import('./names.mjs').Names} n */
export function signInIndex(n) {
  return `import {
  access,
  type AppEnv,
  createRoute,
  defineSignInMethod,
  errorResponse,
  jsonBody,
  jsonResponse,
  type OpenAPIHono,
  passwords,
  type PluginContext,
  sessions,
  signInFailed,
} from 'propusk/plugin'
import * as z from 'zod'

const int = (min: number, max: number, value: number) =>
  z.number().int().min(min).max(max).default(value)

/** Settings with defaults (so \`{}\` is valid); editable in the console, or by PLUGIN_SETTINGS. */
const settings = z.object({
  maxFailures: int(1, 20, 5).describe('Wrong attempts per login before a pause'),
  lockoutSeconds: int(1, 86_400, 300).describe('First pause; it doubles with each further one'),
  maxLockoutSeconds: int(1, 7 * 86_400, 3600).describe('Longest pause'),
})
type Settings = z.output<typeof settings>

const signInBody = z.object({
  login: z.string().trim().min(3).max(320).describe('Phone or e-mail'),
  password: z.string().min(1).max(1024),
  clientId: z.string().min(1).max(200),
  clientSecret: z.string().min(1).max(500).optional().describe('Confidential apps (or Basic)'),
})

const signInRoute = createRoute({
  method: 'post',
  path: '/sign-in',
  operationId: '${n.camel}SignIn',
  tags: ['${n.title}'],
  summary: 'Sign in to an app (${n.id})',
  security: access.optionalClientBasic,
  request: { body: jsonBody(signInBody) },
  responses: {
    200: jsonResponse('Signed in', sessions.tokenResponse),
    400: errorResponse('\`validation_failed\`, \`app_not_found\`'),
    401: errorResponse('\`invalid_credentials\`, \`invalid_client\`'),
    403: errorResponse('\`account_blocked\`, \`app_access_denied\`, \`sign_in_method_not_allowed\`'),
    429: errorResponse('\`too_many_attempts\` (with Retry-After) or \`rate_limited\`'),
  },
})

function mountSignIn(router: OpenAPIHono<AppEnv>, ctx: PluginContext<Settings>): void {
  const hasher = passwords.passwordHasher(ctx)
  // Settings are live (the console edits them without a restart): read them on every attempt.
  const limiter = () =>
    ctx.attempts.limiter({
      maxFailures: ctx.settings.maxFailures,
      baseSeconds: ctx.settings.lockoutSeconds,
      maxSeconds: ctx.settings.maxLockoutSeconds,
    })

  /** The method's proof. Replace it with your own; an unknown login must cost the same work. */
  async function prove(password: string, hash: string | null): Promise<boolean> {
    if (!hash) {
      await passwords.burnPasswordCheck(password)
      return false
    }
    return (await hasher.verify(password, hash)).ok
  }

  router.openapi(signInRoute, async (c) => {
    await ctx.limits.consume(ctx.pluginId, 'signInPerIp', c.get('clientIp'))
    const body = c.req.valid('json')
    const { app, user, passwordHash } = await ctx.identity.users.findForSignIn(
      body.login,
      body.clientId,
    )
    if (!app) throw ctx.errors.error('app_not_found')
    const client = sessions.presentedClientSecret(
      app.id,
      body.clientSecret,
      c.req.header('authorization'),
    )
    if (!client.ok) throw ctx.errors.error('invalid_client')
    // Per login, known or not, so the limiter's answers say nothing about which accounts exist.
    const subject = await passwords.loginLockoutSubject(body.login)
    const reserved = await limiter().reserve(subject)
    if (!reserved.ok) {
      throw signInFailed('too_many_attempts', { retryAfterSeconds: reserved.retryAfterSeconds })
    }
    if (!(await prove(body.password, passwordHash)) || !user) {
      throw signInFailed('invalid_credentials')
    }
    await limiter().clear(subject)
    // Status, app access, allowed methods, the session, the tokens and the audit entry.
    const tokens = await ctx.identity.sessions.signIn({
      user,
      app,
      method: ctx.pluginId,
      ip: c.get('clientIp'),
      userAgent: c.req.header('user-agent') ?? null,
      requestId: c.get('requestId'),
      clientSecret: client.secret,
    })
    return c.json(sessions.toTokenResponse(tokens), 200)
  })
}

/** ${n.title}: sign-in with a phone or e-mail and a proof (\`POST /v1/auth/${n.id}/sign-in\`). */
export const ${n.ident} = defineSignInMethod({
  id: '${n.id}',
  kind: 'sign-in-method',
  name: '${n.label}',
  description: 'Sign-in with a phone or e-mail and the account password.',
  // The console shows this to Russian admins: the name is the id in Cyrillic until you translate it.
  localized: {
    ru: {
      name: 'Вход ${n.ruTitle}',
      description: 'Вход по телефону или e-mail и паролю учётной записи.',
    },
  },
  loginKinds: ['phone', 'email'],
  settings,
  validate: (s) =>
    s.maxLockoutSeconds < s.lockoutSeconds
      ? ['maxLockoutSeconds must not be shorter than lockoutSeconds']
      : [],
  rateLimits: {
    signInPerIp: { limit: 30, windowMs: 60_000, description: 'Sign-in attempts per IP per minute' },
  },
  routes: mountSignIn,
})
`
}

/** @param {import('./names.mjs').Names} n */
export function signInTest(n) {
  return `import { afterEach, describe, expect, it } from 'vitest'
import { createTestPropusk, registeredPlugins, type TestPropusk } from 'propusk/testing'
import { ${n.ident} } from './index.ts'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

// Any loaded app type will do: the test is about the method, not the app.
const appType = registeredPlugins.find((p) => p.kind === 'client-app-type')?.id ?? 'web'

async function start(settings: Record<string, unknown> = {}) {
  // Listed after the registered plugins: the same test runs before and after registration.
  const p = (running = await createTestPropusk({
    plugins: [...registeredPlugins, ${n.ident}],
    settings: { '${n.id}': { maxFailures: 2, ...settings } },
  }))
  const role = await p.createRole({ appTypes: [appType] })
  await p.insertUser({ email: 'anna@example.com', password: 'correct horse 42', roleIds: [role] })
  const clientId = await p.createApp({ type: appType, methods: ['${n.id}'] })
  const signIn = (password: string, login = 'anna@example.com') =>
    p.request('/v1/auth/${n.id}/sign-in', { body: { login, password, clientId } })
  return { p, signIn }
}

const codeOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string } }).error.code

describe('${n.id}', () => {
  it('signs a person in and the token opens /v1/me', async () => {
    const { p, signIn } = await start()
    const response = await signIn('correct horse 42')
    expect(response.status).toBe(200)
    const { access_token: token } = (await response.json()) as { access_token: string }
    expect((await p.request('/v1/me', { token })).status).toBe(200)
  })

  it('answers a wrong password and an unknown login alike, then pauses the login', async () => {
    const { p, signIn } = await start()
    const wrong = await signIn('wrong')
    expect(wrong.status).toBe(401)
    expect(await codeOf(wrong)).toBe('invalid_credentials')
    const unknown = await signIn('wrong', 'nobody@example.com')
    expect(await codeOf(unknown)).toBe('invalid_credentials')
    await signIn('wrong')
    const paused = await signIn('correct horse 42')
    expect(paused.status).toBe(429)
    expect(await codeOf(paused)).toBe('too_many_attempts')
    p.clock.advance(301_000)
    expect((await signIn('correct horse 42')).status).toBe(200)
  })

  it('stops startup when the settings contradict each other', async () => {
    await expect(start({ lockoutSeconds: 600, maxLockoutSeconds: 60 })).rejects.toThrow(
      /${n.id}: maxLockoutSeconds/,
    )
  })
})
`
}

/** @param {import('./names.mjs').Names} n */
export function signInReadme(n) {
  return `# ${n.label} (\`${n.id}\`)

A sign-in method: \`POST /v1/auth/${n.id}/sign-in\` with \`{ login, password, clientId }\` proves a
person and answers with tokens, like every method. Wrong proofs answer \`invalid_credentials\`;
after \`maxFailures\` of them the login is paused (\`too_many_attempts\`, growing pauses), counted
with \`ctx.attempts\` under this plugin's own keys.

The account password is a stand-in proof: replace \`prove()\` in \`index.ts\` with the method's own
(a code, a signature, a check against another system), and the body schema with what it takes.

## Settings

| Setting             | Default | Meaning                                       |
| ------------------- | ------- | --------------------------------------------- |
| \`maxFailures\`       | 5       | Wrong attempts per login before a pause       |
| \`lockoutSeconds\`    | 300     | First pause; it doubles with each further one |
| \`maxLockoutSeconds\` | 3600    | Longest pause                                 |

Set them in the console or in \`PLUGIN_SETTINGS\` (\`{"${n.id}": {"maxFailures": 3}}\`). An app
offers the method once \`${n.id}\` is in its sign-in methods.

## Testing

\`npx vitest run plugins/sign-in/${n.id}\`: the test starts a whole Propusk with
\`createTestPropusk\` from \`propusk/testing\` and signs in over HTTP. See docs/plugins.md.
`
}
