/**
 * No secret in any log line: every flow runs in-process at LOG_LEVEL=debug while the harness
 * collects each structured log line; every secret the test itself saw (from answers, cookies and
 * the console outbox) is then searched for in those lines (see test/log-secrets/leaks.ts for
 * how, and why codes are matched only next to code-like keys).
 *
 * The first-administrator link is printed to the terminal at start by design (README); that
 * print is not a log line and is read here to get the link, not searched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { quietDelivery } from './support/admin.ts'
import { createTestPropusk } from './support/propusk.ts'
import {
  apps,
  consoleSignIn,
  firstAdmin,
  invitedPerson,
  passwordResets,
} from './log-secrets/flows-admin.ts'
import { codeSignIn, firstSignInRegistration, passwordLife } from './log-secrets/flows-people.ts'
import type { FlowContext } from './log-secrets/harness.ts'
import { createSecrets, findLeaks } from './log-secrets/leaks.ts'

describe('log lines', () => {
  let ctx: FlowContext

  beforeAll(async () => {
    const propusk = await createTestPropusk({
      env: { ...quietDelivery, LOG_LEVEL: 'debug', PUBLIC_URL: 'https://id.example.com' },
    })
    ctx = { propusk, secrets: createSecrets(), appId: 'engineer-app' }
  })
  afterAll(async () => {
    await ctx?.propusk.close()
  })

  it('hold no code, password, token, client secret or link token after every flow', async () => {
    const admin = await firstAdmin(ctx)
    await consoleSignIn(ctx, admin)
    await apps(ctx, admin)
    const byEmail = await invitedPerson(
      ctx,
      admin,
      { email: 'ivan@example.com' },
      'Lilac harbor 5521',
    )
    const byPhone = await invitedPerson(ctx, admin, { phone: '+79161110001' }, 'Copper fjord 9013')
    const caller = await invitedPerson(ctx, admin, { phone: '+79161110002' }, 'Amber tundra 7730')
    await passwordLife(ctx, byEmail)
    await passwordResets(ctx, admin, byEmail)
    await codeSignIn(ctx, 'sms-otp', byPhone.login)
    await codeSignIn(ctx, 'flash-call', caller.login)
    await codeSignIn(ctx, 'email-otp', byEmail.login)
    await firstSignInRegistration(ctx, admin, '+79161110003')

    const { logs } = ctx.propusk
    const debugLines = logs.filter((line) => line.includes('"level":"debug"')).length
    console.log(
      `log-secrets: ${logs.length} log lines (${debugLines} debug), ` +
        `${ctx.secrets.long.size} secrets and ${ctx.secrets.codes.size} codes searched`,
    )
    expect(logs.length).toBeGreaterThan(50)
    expect(debugLines).toBeGreaterThan(0)
    const leaks = findLeaks(logs, ctx.secrets)
    expect(leaks.map((l) => `${l.kind}: ${l.line.slice(0, 400)}`)).toEqual([])
  })
})

describe('the leak finder', () => {
  const secrets = createSecrets()
  secrets.add('refresh token', 'rt_Q2hlY2tUaGlzVG9rZW5Jc0xvbmdFbm91Z2hUb0Jl')
  secrets.add(
    'access token',
    'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ1c3JfMTIzNDU2Nzg5MCJ9.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU',
  )
  secrets.code('code', '4821')

  it('finds whole, JSON-escaped and truncated secrets, and codes next to code-like keys', () => {
    const lines = [
      '{"msg":"refresh","token":"rt_Q2hlY2tUaGlzVG9rZW5Jc0xvbmdFbm91Z2hUb0Jl"}',
      '{"msg":"x","prefix":"rt_Q2hlY2tUaGlzVG9rZW5J…"}',
      '{"msg":"auth","header":"Bearer eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ1c3JfMTIzNDU2Nzg5MCJ9.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU"}',
      '{"msg":"sent","code":"4821"}',
      '{"msg":"otp","smsCode":4821}',
      '{"msg":"sent code 4821 to +7916"}',
    ]
    expect(findLeaks(lines, secrets).map((l) => lines.indexOf(l.line))).toEqual([0, 1, 2, 3, 4, 5])
  })

  it('ignores the same digits in durations, times and ids, and the public JWT header', () => {
    const lines = [
      '{"time":"2026-12-06T14:48:21.000Z","msg":"request","durationMs":4821,"status":200}',
      '{"msg":"request","requestId":"req_48210000","path":"/v1/users/usr_14821"}',
      '{"msg":"token","alg":"eyJhbGciOiJFUzI1NiJ9"}',
    ]
    expect(findLeaks(lines, secrets)).toEqual([])
  })
})
