/**
 * Per-app one-time-code settings and templates (`App.settings.otp`) through the admin API:
 * typed and validated there, and used by the engine and the messages.
 */
import { describe, expect, it } from 'vitest'
import { useAdminPropusk } from '../../../test/support/admin.ts'
import { insertUser, outbox, sendCode } from '../../../test/support/otp.ts'

const admin = useAdminPropusk({ env: { PUBLIC_URL: 'https://id.example.com' } })

const otp = {
  'sms-otp': {
    codeLength: 6,
    resendAfterSeconds: 90,
    allowedCountries: ['RU', 'KZ'],
    templates: { ru: 'Ваш код для {app}: {code}', en: 'Your {app} code: {code}' },
  },
  'flash-call': { ttlSeconds: 120 },
  'email-otp': {
    templates: { en: { subject: 'Code for {app}', text: 'Code: {code} ({minutes} min)' } },
  },
}

const createApp = (settings: unknown) =>
  admin.call('/v1/admin/apps', {
    method: 'POST',
    body: {
      id: 'field-app',
      name: 'Field',
      type: 'engineer-mobile',
      signInMethods: ['sms-otp', 'flash-call', 'email-otp'],
      settings,
    },
  })

describe('App.settings.otp through the admin API', () => {
  it('accepts method overrides and templates, and the engine uses them', async () => {
    const created = await createApp({ otp, locale: 'ru' })
    expect(created.status).toBe(201)
    expect(created.body.app.settings.otp).toEqual(otp)

    await insertUser(admin.propusk, { phone: '+79161234567' })
    const sent = await sendCode(admin.propusk, 'sms-otp', '+79161234567', 'field-app')
    expect(sent.body).toMatchObject({ codeLength: 6, resendAfterSeconds: 90 })
    const [sms] = await outbox(admin.propusk, '+79161234567', 'sms')
    expect(sms?.text).toMatch(/^Ваш код для Field: (\d{6})\n\n@id\.example\.com #\1$/)
    // Kazakhstan is allowed for SMS in this app only.
    expect((await sendCode(admin.propusk, 'sms-otp', '+7 701 123 45 67', 'field-app')).status).toBe(
      200,
    )
  })

  it.each([
    [{ 'sms-otp': { codeLength: 3 } }, 'settings.otp.sms-otp.codeLength'],
    [{ 'sms-otp': { codelength: 6 } }, 'settings.otp.sms-otp'],
    [{ 'sms-otp': { templates: { de: 'Code {code}' } } }, 'settings.otp.sms-otp.templates'],
    [{ 'sms-otp': { templates: { ru: '' } } }, 'settings.otp.sms-otp.templates.ru'],
    [{ 'email-otp': { templates: { en: 'just text' } } }, 'settings.otp.email-otp.templates.en'],
    [
      { 'flash-call': { allowedCountries: ['russia'] } },
      'settings.otp.flash-call.allowedCountries.0',
    ],
  ])('refuses %j naming %s', async (bad, field) => {
    const created = await createApp({ otp: bad })
    expect(created.status).toBe(400)
    expect(created.body.error.code).toBe('validation_failed')
    expect(created.body.error.fields.map((f: { field: string }) => f.field)).toContain(field)
  })

  it('updates an app’s templates with PATCH', async () => {
    expect((await createApp({})).status).toBe(201)
    const patched = await admin.call('/v1/admin/apps/field-app', {
      method: 'PATCH',
      body: { settings: { otp: { 'sms-otp': { templates: { ru: 'Код {code}' } } } } },
    })
    expect(patched.status).toBe(200)
    await insertUser(admin.propusk, { phone: '+79161234568' })
    await sendCode(admin.propusk, 'sms-otp', '+79161234568', 'field-app')
    const [sms] = await outbox(admin.propusk, '+79161234568', 'sms')
    expect(sms?.text).toMatch(/^Код \d{4}\n/)
  })
})
