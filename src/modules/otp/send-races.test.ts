/**
 * Code sends under concurrency and delivery failure, through the real app on every state-store
 * adapter: only sends that go out count against the login's quota.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { DeliveryError } from '../../kernel/delivery.ts'
import { defineDeliveryProvider } from '../../kernel/plugin.ts'
import * as z from 'zod'
import { plugins as defaultPlugins } from '../../plugins.ts'
import { createTestPropusk, type TestPropusk } from '../../../test/support/propusk.ts'
import { stateStores } from '../../../test/support/state-stores.ts'
import {
  allMethods,
  engineerApp,
  fromIp,
  insertApp,
  insertUser,
  outbox,
  pluginSettings,
  post,
  sleep,
  startOtpPropusk,
} from '../../../test/support/otp.ts'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

const PHONE = '+79161234567'
const send = (p: TestPropusk, method: string, ip: string) =>
  post(p, `/v1/auth/${method}/send`, { login: PHONE, clientId: engineerApp }, fromIp(ip))
const errorCode = (answer: { body: Record<string, unknown> }) =>
  (answer.body.error as { code?: string; limit?: string } | undefined) ?? {}

/** An SMS provider that is always down. */
const downSms = defineDeliveryProvider({
  id: 'down-sms',
  kind: 'delivery-provider',
  name: 'Down SMS',
  channels: ['sms'],
  settings: z.object({}),
  createProvider: () => ({
    async send() {
      throw new DeliveryError('provider_unavailable', 'down-sms is down')
    },
  }),
})

describe.each(stateStores)('code sends under concurrency (%s)', (_name, openState) => {
  it('20 simultaneous SMS sends: one SMS, and the refused ones use up none of the login’s quota', async () => {
    const quota = { sendsPerLoginPerHour: 3, decoyMinDelayMs: 0 }
    const p = (running = await startOtpPropusk({
      state: openState(),
      ipHeader: true,
      plugins: { 'sms-otp': quota, 'flash-call': { ...quota, resendAfterSeconds: 1 } },
    }))
    await insertUser(p, { phone: PHONE })
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) => send(p, 'sms-otp', `198.51.100.${i + 1}`)),
    )
    expect(burst.filter((a) => a.status === 200)).toHaveLength(1)
    expect(new Set(burst.filter((a) => a.status !== 200).map((a) => errorCode(a).code))).toEqual(
      new Set(['resend_too_soon']),
    )
    expect(await outbox(p, PHONE, 'sms')).toHaveLength(1)
    // The quota (3 an hour) holds the one SMS only: two flash calls still go out, then no more.
    expect((await send(p, 'flash-call', '198.51.100.21')).status).toBe(200)
    await sleep(1100)
    expect((await send(p, 'flash-call', '198.51.100.22')).status).toBe(200)
    await sleep(1100)
    const refused = await send(p, 'flash-call', '198.51.100.23')
    expect(refused.status).toBe(429)
    expect(errorCode(refused)).toMatchObject({ code: 'rate_limited', limit: 'login-hour' })
    expect(await outbox(p, PHONE, 'call')).toHaveLength(2)
  })

  it('a failed delivery releases the resend wait and gives the login its send back', async () => {
    const p = (running = await createTestPropusk({
      state: openState(),
      ipHeader: true,
      plugins: [...defaultPlugins, downSms],
      env: {
        ...pluginSettings({
          'sms-otp': { sendsPerLoginPerHour: 1, decoyMinDelayMs: 0 },
          'flash-call': { sendsPerLoginPerHour: 1 },
        }),
        DELIVERY_SMS: 'down-sms',
      },
    }))
    await insertApp(p, { id: engineerApp, type: 'engineer-mobile', methods: allMethods })
    await insertUser(p, { phone: PHONE })
    for (const ip of ['198.51.100.1', '198.51.100.2']) {
      const failed = await send(p, 'sms-otp', ip)
      expect(failed.status).toBe(503)
      expect(errorCode(failed).code).toBe('otp_delivery_unavailable')
    }
    expect((await send(p, 'flash-call', '198.51.100.3')).status).toBe(200)
    const refused = await send(p, 'sms-otp', '198.51.100.4')
    expect(errorCode(refused)).toMatchObject({ code: 'rate_limited', limit: 'login-hour' })
  })
})
