/**
 * The language of a code SMS with a person's own message language: it wins over the number's
 * default, and the device's Accept-Language (the person asked there) wins over it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { TestPropusk } from '../../../test/support/propusk.ts'
import {
  engineerApp,
  insertUser,
  outbox,
  sendCode,
  startOtpPropusk,
} from '../../../test/support/otp.ts'

let propusk: TestPropusk
beforeAll(async () => {
  propusk = await startOtpPropusk()
})
afterAll(async () => {
  await propusk?.close()
})

async function englishPerson(phone: string) {
  const id = await insertUser(propusk, { phone })
  await propusk.services.sql.execute({
    sql: "UPDATE users SET locale = 'en' WHERE id = ?",
    args: [id],
  })
}

it('is the person’s language over the +7 default', async () => {
  await englishPerson('+79161230071')
  expect((await sendCode(propusk, 'sms-otp', '+79161230071')).status).toBe(200)
  const [sms] = await outbox(propusk, '+79161230071')
  expect(sms?.text).toMatch(/^Sign-in code: \d+/)
})

it('is the device’s Accept-Language over the person’s', async () => {
  await englishPerson('+79161230072')
  const response = await propusk.app.request('/v1/auth/sms-otp/send', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': 'ru-RU' },
    body: JSON.stringify({ login: '+79161230072', clientId: engineerApp }),
  })
  expect(response.status).toBe(200)
  const [sms] = await outbox(propusk, '+79161230072')
  expect(sms?.text).toMatch(/^Код для входа: \d+/)
})
