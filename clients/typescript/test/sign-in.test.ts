/**
 * The client's sign-in calls against a running Propusk (Node, real socket, libSQL file, Redis):
 * first sign-in with an SMS code and a new password, password and code sign-in, `me`, and the
 * typed errors of wrong input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isPropuskError, PropuskError } from '../src/index.ts'
import { freshPhone, startPropusk, type RunningPropusk } from './support/server.ts'
import { clientFor, password, registeredPerson, wire } from './support/wire.ts'

let propusk: RunningPropusk
beforeAll(async () => {
  propusk = await startPropusk()
})
afterAll(async () => {
  await propusk?.stop()
})

/** The rejection of `promise`, which must be a PropuskError. */
async function failure(promise: Promise<unknown>): Promise<PropuskError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  if (!(error instanceof PropuskError)) throw new Error(`expected a PropuskError, got ${error}`)
  return error
}

describe('sign-in', () => {
  it('first sign-in: SMS code, then the new password (R4), then me', async () => {
    const phone = freshPhone()
    await propusk.invite(phone)
    const client = clientFor(propusk)
    const start = await client.signInStart(`8 ${phone.slice(2, 5)} ${phone.slice(5)}`)
    expect(start).toMatchObject({ loginKind: 'phone', normalizedLogin: phone })
    expect(start.methods).toEqual(expect.arrayContaining(['sms-otp', 'password']))

    const sent = await client.sendCode('sms-otp', phone)
    expect(sent).toMatchObject({ method: 'sms-otp', channel: 'sms', codeLength: 4 })
    const code = await propusk.smsCode(phone)
    const verified = await client.verifyCode('sms-otp', sent.challengeId, code)
    expect(verified.status).toBe('password_required')
    if (verified.status !== 'password_required') return
    expect(await client.tokens()).toBeNull()

    const tokens = await client.completeRegistration(verified.setupToken, password)
    expect(await client.tokens()).toEqual(tokens)
    const me = await client.me()
    expect(me.user).toMatchObject({ phone, status: 'active' })
    expect(me.app.id).toBe(propusk.clientId)
    expect(me.sessionId).toBe(tokens.sessionId)
  })

  it('signs in by password and by SMS code, each a session of its own', async () => {
    const phone = await registeredPerson(propusk)
    const byPassword = clientFor(propusk)
    const first = await byPassword.passwordSignIn(phone, password)
    expect((await byPassword.me()).user.phone).toBe(phone)

    const byCode = clientFor(propusk)
    const { challengeId } = await byCode.sendCode('sms-otp', phone)
    const result = await byCode.verifyCode('sms-otp', challengeId, await propusk.smsCode(phone))
    expect(result.status).toBe('signed_in')
    if (result.status !== 'signed_in') return
    expect(result.tokens.sessionId).not.toBe(first.sessionId)
    expect((await byCode.me()).sessionId).toBe(result.tokens.sessionId)
  })

  it('a wrong password is a typed invalid_credentials and stores nothing', async () => {
    const phone = await registeredPerson(propusk)
    const client = clientFor(propusk)
    const error = await failure(client.passwordSignIn(phone, 'Not-The-Password-1'))
    expect(error).toMatchObject({ code: 'invalid_credentials', status: 401 })
    expect(isPropuskError(error, 'invalid_credentials')).toBe(true)
    expect(await client.tokens()).toBeNull()
  })

  it('a wrong code carries the details of its code (attemptsLeft)', async () => {
    const phone = await registeredPerson(propusk)
    const client = clientFor(propusk)
    const { challengeId } = await client.sendCode('sms-otp', phone)
    const right = await propusk.smsCode(phone)
    const wrong = [...right].map((d) => String((Number(d) + 1) % 10)).join('')
    const error = await failure(client.verifyCode('sms-otp', challengeId, wrong))
    expect(error).toMatchObject({ code: 'code_invalid', status: 400 })
    expect(error.details.attemptsLeft).toBe(2)
  })

  it('bad input is validation_failed with the field; a resend too soon has retryAfterSeconds', async () => {
    const client = clientFor(propusk)
    const invalid = await failure(client.signInStart('not a phone or e-mail'))
    expect(invalid).toMatchObject({ code: 'validation_failed', status: 400 })
    expect(invalid.fields[0]?.field).toBe('login')

    const phone = await registeredPerson(propusk)
    await client.sendCode('sms-otp', phone)
    const tooSoon = await failure(client.sendCode('sms-otp', phone))
    expect(tooSoon).toMatchObject({ code: 'resend_too_soon', status: 429 })
    expect(tooSoon.retryAfterSeconds).toBeGreaterThan(0)
  })

  it('a confidential app sends its secret at sign-in, refresh and sign-out', async () => {
    const phone = await registeredPerson(propusk)
    const secret = await propusk.createApp('reports-sync', 'api-only')
    expect(secret).toEqual(expect.any(String))
    const client = clientFor(propusk, { clientId: 'reports-sync', clientSecret: secret ?? '' })
    await client.passwordSignIn(phone, password)
    await client.refresh()
    expect((await client.me()).app.id).toBe('reports-sync')
    await client.signOut()

    const wrong = clientFor(propusk, { clientId: 'reports-sync', clientSecret: 'x'.repeat(43) })
    const error = await failure(wrong.passwordSignIn(phone, password))
    expect(error).toMatchObject({ code: 'invalid_client', status: 401 })
  })

  it('an app with an Android hash gets the SMS docs/mobile-apps.md shows', async () => {
    const phone = await registeredPerson(propusk)
    const settings = { androidAppHash: 'FA+9qCX9VSu', webOtpDomain: 'id.example.com' }
    await propusk.createApp('engineer-android', 'engineer-mobile', settings)
    const client = clientFor(propusk, { clientId: 'engineer-android' })
    const { challengeId } = await client.sendCode('sms-otp', phone)
    const lines = (await propusk.smsText(phone)).split('\n')
    const code = await propusk.smsCode(phone)
    expect(lines.slice(-2)).toEqual(['FA+9qCX9VSu', `@id.example.com #${code}`])
    expect(await client.verifyCode('sms-otp', challengeId, code)).toMatchObject({
      status: 'signed_in',
    })
  })

  it('me without signing in is not_signed_in, and nothing goes on the wire', async () => {
    const { fetch, requests } = wire()
    const error = await failure(clientFor(propusk, { fetch }).me())
    expect(error).toMatchObject({ code: 'not_signed_in', status: 0 })
    expect(requests).toEqual([])
  })
})
