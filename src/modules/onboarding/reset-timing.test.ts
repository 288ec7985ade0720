/**
 * A reset request answers before the link is sent, so a known account cannot be told from an
 * unknown one by the time the answer takes (issue 3 review).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createTestPropusk, type TestPropusk } from '../../../test/support/propusk.ts'
import { defineDeliveryProvider } from '../../kernel/plugin.ts'
import * as z from 'zod'
import { plugins as defaultPlugins } from '../../plugins.ts'
import { backgroundTasksSettled } from '../../kernel/http/background.ts'
import { insertUser, postJson, testEnv } from '../../../test/support/account.ts'

let running: TestPropusk | undefined
afterEach(async () => {
  await backgroundTasksSettled()
  await running?.close()
  running = undefined
})

const DELIVERY_MS = 500

describe('password reset request timing', () => {
  it('answers a known login without waiting for the delivery, as fast as an unknown one', async () => {
    const delivered: string[] = []
    const slow = defineDeliveryProvider({
      id: 'slow-delivery',
      kind: 'delivery-provider',
      name: 'Slow provider',
      channels: ['email', 'sms'],
      settings: z.object({}),
      createProvider: () => ({
        send: async (message) => {
          await new Promise((resolve) => setTimeout(resolve, DELIVERY_MS))
          delivered.push(message.to)
          return { provider: 'slow-delivery', status: 'sent' as const }
        },
      }),
    })
    running = await createTestPropusk({
      env: { ...testEnv(), DELIVERY_EMAIL: 'slow-delivery', DELIVERY_SMS: 'slow-delivery' },
      plugins: [...defaultPlugins, slow],
    })
    await insertUser(running, { email: 'known@example.com', password: 'какой-то пароль 1' })
    const timed = async (login: string, ip: string) => {
      const started = performance.now()
      const response = await postJson(
        running as TestPropusk,
        '/v1/password-resets',
        { login },
        { 'CF-Connecting-IP': ip },
      )
      expect(response.status).toBe(202)
      return performance.now() - started
    }
    const known: number[] = []
    const unknown: number[] = []
    for (let i = 0; i < 3; i++) {
      known.push(await timed('known@example.com', `10.9.0.${i}`))
      unknown.push(await timed(`nobody${i}@example.com`, `10.9.1.${i}`))
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[1] as number
    // A known login would take > 500 ms if the answer waited for the delivery.
    expect(median(known)).toBeLessThan(300)
    expect(median(unknown)).toBeLessThan(300)
    await backgroundTasksSettled()
    // The links did go out (3 per login per hour), after the answers.
    expect(delivered).toEqual(['known@example.com', 'known@example.com', 'known@example.com'])
  })
})
