import { afterEach, describe, expect, it } from 'vitest'
import { defineDeliveryProvider, DeliveryError } from 'propusk/plugin'
import * as z from 'zod'
import { createTestPropusk, json, registeredPlugins, type TestPropusk } from 'propusk/testing'

const allMethods = ['sms-otp', 'flash-call', 'email-otp', 'password']

/** Call providers that fail the two ways flash calls fail: refused, or no caller digits. */
const failingCalls = defineDeliveryProvider({
  id: 'failing-calls',
  kind: 'delivery-provider',
  name: 'Failing calls',
  channels: ['call'],
  settings: z.object({ mode: z.enum(['throw', 'no-digits']).default('throw') }),
  createProvider: (ctx) => ({
    async send() {
      if (ctx.settings.mode === 'no-digits') return { provider: 'failing-calls', status: 'queued' }
      throw new DeliveryError('provider_unavailable', 'Call service is down.', true)
    },
  }),
})

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

async function start(mode: 'throw' | 'no-digits', methods = allMethods) {
  running = await createTestPropusk({
    plugins: [...registeredPlugins, failingCalls],
    settings: { 'failing-calls': { mode } },
    env: { DELIVERY_CALL: 'failing-calls' },
  })
  await running.createApp({ id: 'engineer-app', type: 'engineer-mobile', methods })
  await running.insertUser({ phone: '+79161234567' })
  return running
}

async function sendCode(p: TestPropusk, method: string, login: string) {
  const response = await p.request(`/v1/auth/${method}/send`, {
    body: { login, clientId: 'engineer-app' },
  })
  return { status: response.status, body: await json(response) }
}

describe('flash call', () => {
  it('answers call_failed with an SMS fallback when the call cannot be placed', async () => {
    const p = await start('throw')
    const failed = await sendCode(p, 'flash-call', '+79161234567')
    expect(failed.status).toBe(502)
    expect(failed.body.error).toMatchObject({
      code: 'call_failed',
      fallback: 'sms-otp',
      reason: 'provider_unavailable',
    })
    // The user may try again at once (no resend wait after a failed call) or fall back to SMS.
    expect((await sendCode(p, 'flash-call', '+79161234567')).body.error).toMatchObject({
      code: 'call_failed',
    })
    expect((await sendCode(p, 'sms-otp', '+79161234567')).status).toBe(200)
  })

  it('treats a call without reported caller digits as failed; no fallback if the app has no SMS', async () => {
    const p = await start('no-digits', ['flash-call', 'password'])
    const failed = await sendCode(p, 'flash-call', '+79161234567')
    expect(failed.status).toBe(502)
    expect(failed.body.error).toMatchObject({ code: 'call_failed', reason: 'provider_rejected' })
    expect(failed.body.error).not.toHaveProperty('fallback')
  })
})
