/**
 * How a failed SMS delivery is reported: only a number the provider refuses is the recipient's
 * fault (422); a provider that refuses us (bad credentials, no balance) or is down is 503.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { DeliveryError } from '../../kernel/delivery.ts'
import { defineDeliveryProvider } from '../../kernel/plugin.ts'
import * as z from 'zod'
import { plugins as defaultPlugins } from '../../plugins.ts'
import { createTestPropusk, type TestPropusk } from '../../../test/support/propusk.ts'
import {
  allMethods,
  insertApp,
  insertUser,
  pluginSettings,
  sendCode,
} from '../../../test/support/otp.ts'

const codes = [
  'invalid_recipient',
  'region_not_allowed',
  'provider_rejected',
  'provider_unavailable',
] as const

/** An SMS provider that fails with the configured delivery error. */
const failingSms = defineDeliveryProvider({
  id: 'failing-sms',
  kind: 'delivery-provider',
  name: 'Failing SMS',
  channels: ['sms'],
  settings: z.object({ code: z.enum(codes).default('provider_rejected') }),
  createProvider: (ctx) => ({
    async send() {
      throw new DeliveryError(ctx.settings.code, `failing-sms: ${ctx.settings.code}`)
    },
  }),
})

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

describe('SMS delivery failures', () => {
  it.each([
    ['provider_rejected', 503, 'otp_delivery_unavailable', 'provider_unavailable'],
    ['provider_unavailable', 503, 'otp_delivery_unavailable', 'provider_unavailable'],
    ['invalid_recipient', 422, 'otp_recipient_rejected', 'invalid_recipient'],
    ['region_not_allowed', 422, 'otp_recipient_rejected', 'region_not_allowed'],
  ] as const)('%s answers %i %s', async (code, status, errorCode, reason) => {
    const p = (running = await createTestPropusk({
      plugins: [...defaultPlugins, failingSms],
      env: { ...pluginSettings({ 'failing-sms': { code } }), DELIVERY_SMS: 'failing-sms' },
    }))
    await insertApp(p, { id: 'engineer-app', type: 'engineer-mobile', methods: allMethods })
    await insertUser(p, { phone: '+79161234567' })
    const answer = await sendCode(p, 'sms-otp', '+79161234567')
    expect(answer.status).toBe(status)
    expect(answer.body.error).toMatchObject({ code: errorCode, reason })
    // The provider's own words (e.g. about our balance) never reach the client.
    expect(JSON.stringify(answer.body)).not.toContain('failing-sms')
  })
})
