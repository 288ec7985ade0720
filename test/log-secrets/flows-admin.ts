/**
 * The administrator's side of the log-secrets run: the first-administrator link, console
 * sign-in (cookie refresh, sign-out), an app and its client secret, and people created through
 * the admin API whose invitations are followed from the outbox. Every secret a step sees is
 * recorded in `ctx.secrets`.
 */
import { call, expectOk, newLinkToken, setCookie, type FlowContext } from './harness.ts'

export interface Admin {
  login: string
  password: string
  token: string
}

/** Runs the start hooks, reading the first-administrator link they print. */
export async function firstAdmin(ctx: FlowContext): Promise<Admin> {
  const printed: string[] = []
  const original = console.log
  console.log = (text: string) => printed.push(text)
  try {
    await ctx.propusk.start()
  } finally {
    console.log = original
  }
  const token = /\/setup\?token=([\w-]+)/.exec(printed.join('\n'))?.[1]
  ctx.secrets.add('setup token', token)
  expectOk(
    await call(ctx, 'POST', '/v1/auth/setup-link/verify', { body: { token } }),
    200,
    'setup verify',
  )
  const admin = { login: 'root@example.com', password: 'Quartz meadow 8347!', token: '' }
  ctx.secrets.add('admin password', admin.password)
  const completed = await call(ctx, 'POST', '/v1/auth/setup-link/complete', {
    body: {
      token,
      displayName: 'Главный Администратор',
      email: admin.login,
      password: admin.password,
    },
  })
  expectOk(completed, 201, 'setup complete')
  const signedIn = await call(ctx, 'POST', '/v1/auth/password/sign-in', {
    body: { login: admin.login, password: admin.password, clientId: 'admin-console' },
  })
  const tokens = expectOk(signedIn, 200, 'admin sign-in')
  ctx.secrets.add('admin access token', tokens.access_token)
  ctx.secrets.add('admin refresh token', tokens.refresh_token)
  admin.token = String(tokens.access_token)
  return admin
}

/** The console's own sign-in: refresh token in a cookie, refreshed, then signed out. */
export async function consoleSignIn(ctx: FlowContext, admin: Admin): Promise<void> {
  const headers = { 'x-propusk-console': '1' }
  const session = await call(ctx, 'POST', '/v1/console/session', {
    headers,
    body: { via: 'password/sign-in', payload: { login: admin.login, password: admin.password } },
  })
  ctx.secrets.add('console access token', expectOk(session, 200, 'console sign-in').accessToken)
  const cookie = setCookie(session, 'propusk_console')
  ctx.secrets.add('console refresh cookie', cookie)
  const refreshed = await call(ctx, 'POST', '/v1/console/refresh', {
    headers: { ...headers, cookie: `propusk_console=${cookie}` },
  })
  ctx.secrets.add('console access token', expectOk(refreshed, 200, 'console refresh').accessToken)
  const next = setCookie(refreshed, 'propusk_console')
  ctx.secrets.add('console refresh cookie', next)
  const out = await call(ctx, 'POST', '/v1/console/logout', {
    headers: { ...headers, cookie: `propusk_console=${next}` },
  })
  if (out.status >= 300) throw new Error(`console logout: ${out.status}`)
}

/** An app for the people's sign-ins, and a confidential app whose secret is then presented. */
export async function apps(ctx: FlowContext, admin: Admin): Promise<void> {
  expectOk(
    await call(ctx, 'POST', '/v1/admin/apps', {
      token: admin.token,
      body: {
        id: ctx.appId,
        type: 'engineer-mobile',
        name: 'Engineer app',
        signInMethods: ['sms-otp', 'flash-call', 'email-otp', 'password'],
      },
    }),
    201,
    'create app',
  )
  const api = await call(ctx, 'POST', '/v1/admin/apps', {
    token: admin.token,
    body: { id: 'reports-api', type: 'api-only', name: 'Reports', signInMethods: ['password'] },
  })
  expectOk(api, 201, 'create api app')
  const secret = await call(ctx, 'POST', '/v1/admin/apps/reports-api/secret', {
    token: admin.token,
  })
  const clientSecret = expectOk(secret, 200, 'client secret').clientSecret
  ctx.secrets.add('client secret', clientSecret)
  // The secret travels through client authentication (HTTP Basic, then the body) and is refused
  // only for the unknown refresh token.
  const basic = btoa(`reports-api:${String(clientSecret)}`)
  const refused = await call(ctx, 'POST', '/v1/token', {
    headers: { authorization: `Basic ${basic}` },
    body: { grant_type: 'refresh_token', refresh_token: 'never-issued-refresh-token-value' },
    form: true,
  })
  expectOk(refused, 400, 'token with client secret')
  await call(ctx, 'POST', '/v1/auth/password/sign-in', {
    body: {
      login: admin.login,
      password: admin.password,
      clientId: 'reports-api',
      clientSecret,
    },
  })
}

export interface Person {
  id: string
  login: string
  password: string
}

/** A person created by the admin and activated by following the invitation (R1, R2). */
export async function invitedPerson(
  ctx: FlowContext,
  admin: Admin,
  contact: { phone?: string; email?: string },
  password: string,
): Promise<Person> {
  const created = await call(ctx, 'POST', '/v1/admin/users', {
    token: admin.token,
    body: { kind: 'employee', displayName: 'Иван Петров', ...contact },
  })
  const id = String((expectOk(created, 201, 'create person').user as { id: string }).id)
  const login = (contact.email ?? contact.phone) as string
  const token = await newLinkToken(ctx, login, '/invite')
  ctx.secrets.add('invitation token', token)
  ctx.secrets.add('password', password)
  expectOk(
    await call(ctx, 'POST', '/v1/invitations/accept', { body: { token, password } }),
    200,
    'accept',
  )
  return { id, login, password }
}

/** Both password resets: asked for by the person, and sent by an admin. */
export async function passwordResets(
  ctx: FlowContext,
  admin: Admin,
  person: Person,
): Promise<void> {
  expectOk(
    await call(ctx, 'POST', '/v1/password-resets', { body: { login: person.login } }),
    202,
    'reset',
  )
  const token = await newLinkToken(ctx, person.login, '/reset-password')
  ctx.secrets.add('reset token', token)
  person.password = `Reset pass phrase ${crypto.randomUUID().slice(0, 6)}`
  ctx.secrets.add('password', person.password)
  expectOk(
    await call(ctx, 'POST', '/v1/password-resets/complete', {
      body: { token, password: person.password },
    }),
    200,
    'reset complete',
  )
  const sent = await call(ctx, 'POST', `/v1/admin/users/${person.id}/password-reset`, {
    token: admin.token,
  })
  expectOk(sent, 202, 'admin reset')
  ctx.secrets.add('reset token', await newLinkToken(ctx, person.login, '/reset-password', token))
}
