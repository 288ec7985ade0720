/**
 * The people's side of the log-secrets run: password sign-in (right and wrong), refresh,
 * password change, sign-out and revocation, one-time codes by SMS, flash call and e-mail (right
 * and wrong), and first-sign-in registration by code (R4). Every secret a step sees is recorded.
 */
import { latestCode, wrongCode } from '../support/otp.ts'
import type { Admin, Person } from './flows-admin.ts'
import { call, expectOk, type FlowContext } from './harness.ts'

function recordTokens(ctx: FlowContext, body: Record<string, unknown>, step: string) {
  ctx.secrets.add(`${step} access token`, body.access_token)
  ctx.secrets.add(`${step} refresh token`, body.refresh_token)
  return { access: String(body.access_token), refresh: String(body.refresh_token) }
}

export async function passwordLife(ctx: FlowContext, person: Person): Promise<void> {
  const wrong = `${person.password} typo`
  ctx.secrets.add('wrong password', wrong)
  const refused = await call(ctx, 'POST', '/v1/auth/password/sign-in', {
    body: { login: person.login, password: wrong, clientId: ctx.appId },
  })
  expectOk(refused, 401, 'wrong password')
  const signedIn = await call(ctx, 'POST', '/v1/auth/password/sign-in', {
    body: {
      login: person.login,
      password: person.password,
      clientId: ctx.appId,
      deviceLabel: 'Pixel',
    },
  })
  const first = recordTokens(ctx, expectOk(signedIn, 200, 'password sign-in'), 'password')
  const refreshed = await call(ctx, 'POST', '/v1/token', {
    body: { grant_type: 'refresh_token', refresh_token: first.refresh, client_id: ctx.appId },
  })
  const second = recordTokens(ctx, expectOk(refreshed, 200, 'refresh'), 'refreshed')
  expectOk(await call(ctx, 'GET', '/v1/me', { token: second.access }), 200, 'me')

  const newPassword = `Changed pass phrase ${crypto.randomUUID().slice(0, 6)}`
  ctx.secrets.add('new password', newPassword)
  const changed = await call(ctx, 'POST', '/v1/auth/password/change', {
    token: second.access,
    body: { currentPassword: person.password, newPassword },
  })
  if (changed.status >= 300)
    throw new Error(`password change: ${changed.status} ${JSON.stringify(changed.body)}`)
  person.password = newPassword

  const again = await call(ctx, 'POST', '/v1/auth/password/sign-in', {
    body: { login: person.login, password: person.password, clientId: ctx.appId },
  })
  const third = recordTokens(ctx, expectOk(again, 200, 'sign-in after change'), 'third')
  const revoked = await call(ctx, 'POST', '/v1/token/revoke', {
    body: { token: third.refresh, client_id: ctx.appId },
  })
  if (revoked.status >= 300) throw new Error(`revoke: ${revoked.status}`)
  const fourth = recordTokens(
    ctx,
    expectOk(
      await call(ctx, 'POST', '/v1/auth/password/sign-in', {
        body: { login: person.login, password: person.password, clientId: ctx.appId },
      }),
      200,
      'sign-in before logout',
    ),
    'fourth',
  )
  const out = await call(ctx, 'POST', '/v1/logout', { token: fourth.access })
  if (out.status >= 300) throw new Error(`logout: ${out.status}`)
  // Refused tokens are logged at debug with the reason: the ended session's token, and a
  // tampered one (a valid payload under a broken signature).
  expectOk(await call(ctx, 'GET', '/v1/me', { token: fourth.access }), 401, 'me after logout')
  const tampered = `${fourth.access.slice(0, -6)}AAAAAA`
  expectOk(await call(ctx, 'GET', '/v1/me', { token: tampered }), 401, 'tampered token')
}

/** Sends a code, tries a wrong one, then signs in with the right one. */
export async function codeSignIn(ctx: FlowContext, method: string, login: string): Promise<void> {
  const sent = await call(ctx, 'POST', `/v1/auth/${method}/send`, {
    body: { login, clientId: ctx.appId },
  })
  const challengeId = expectOk(sent, 200, `${method} send`).challengeId
  ctx.secrets.add(`${method} challenge id`, challengeId)
  const code = await latestCode(ctx.propusk, login)
  ctx.secrets.code(`${method} code`, code)
  const wrong = wrongCode(code)
  ctx.secrets.code(`${method} wrong code`, wrong)
  const refused = await call(ctx, 'POST', `/v1/auth/${method}/verify`, {
    body: { challengeId, code: wrong, clientId: ctx.appId },
  })
  if (refused.status < 400) throw new Error(`${method}: a wrong code was accepted`)
  const verified = await call(ctx, 'POST', `/v1/auth/${method}/verify`, {
    body: { challengeId, code, clientId: ctx.appId },
  })
  recordTokens(ctx, expectOk(verified, 200, `${method} verify`), method)
}

/** R4: an invited person proves the phone by code and creates the password in the app. */
export async function firstSignInRegistration(
  ctx: FlowContext,
  admin: Admin,
  phone: string,
): Promise<void> {
  const created = await call(ctx, 'POST', '/v1/admin/users', {
    token: admin.token,
    body: { kind: 'employee', displayName: 'Новый Сотрудник', phone, sendInvitation: false },
  })
  expectOk(created, 201, 'create invited person')
  const sent = await call(ctx, 'POST', '/v1/auth/sms-otp/send', {
    body: { login: phone, clientId: ctx.appId },
  })
  const challengeId = expectOk(sent, 200, 'R4 send').challengeId
  const code = await latestCode(ctx.propusk, phone)
  ctx.secrets.code('R4 code', code)
  const verified = await call(ctx, 'POST', '/v1/auth/sms-otp/verify', {
    body: { challengeId, code, clientId: ctx.appId },
  })
  const setupToken = expectOk(verified, 200, 'R4 verify').setupToken
  ctx.secrets.add('registration setup token', setupToken)
  const password = `First sign-in pass ${crypto.randomUUID().slice(0, 6)}`
  ctx.secrets.add('registration password', password)
  const registered = await call(ctx, 'POST', '/v1/sign-in/complete-registration', {
    body: { setupToken, password, clientId: ctx.appId },
  })
  recordTokens(ctx, expectOk(registered, 200, 'R4 complete'), 'registration')
}
