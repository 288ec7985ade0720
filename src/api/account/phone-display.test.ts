import { afterEach, describe, expect, it } from 'vitest'
import { phoneForDisplay } from '../../modules/identity/phone-display.ts'
import { insertUser, outbox } from '../../../test/support/account.ts'
import { createTestPropusk, type TestPropusk } from '../../../test/support/propusk.ts'
import { quietDelivery } from '../../../test/support/admin.ts'

let propusk: TestPropusk | undefined
afterEach(async () => {
  await propusk?.close()
  propusk = undefined
})

describe('phones as people write them', () => {
  it('formats +7 numbers and leaves others alone', () => {
    expect(phoneForDisplay('+79161234567')).toBe('+7 916 123-45-67')
    expect(phoneForDisplay('+447700900123')).toBe('+447700900123')
    expect(phoneForDisplay('anna@example.com')).toBe('anna@example.com')
  })

  it('on the invitation page, with the stored number kept for password managers', async () => {
    propusk = await createTestPropusk({ env: quietDelivery })
    const id = await insertUser(propusk, { status: 'invited', phone: '+79161234567' })
    await propusk.services.identity.invitations.send(id, { actorId: null })
    const [message] = await outbox(propusk, '+79161234567')
    const sms = message?.text ?? ''
    expect(sms).toMatch(/^Пропуск: приглашение http/) // Russian for +7, one language
    const token = /\/i\/([\w-]{22})$/.exec(sms)?.[1]
    expect(token, sms).toBeDefined()
    // The long form of the link, as sent before SMS links were short, opens the same page.
    const long = await propusk.app.request(`/invite?token=${token}`, {
      headers: { 'Accept-Language': 'ru' },
    })
    expect(await long.text()).toContain('value="+79161234567"')
    const page = await propusk.app.request(`/i/${token}`, {
      headers: { 'Accept-Language': 'ru' },
    })
    const html = await page.text()
    expect(html).toContain('+7 916 123-45-67')
    expect(html).toContain('value="+79161234567"')
  })
})
