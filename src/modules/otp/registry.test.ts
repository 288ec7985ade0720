/**
 * The code methods are a value of each app, not of the module: two apps built in one process
 * with different methods each answer from their own. The second app has a sign-in method with
 * the id `sms-otp` that mounts no code engine, so it offers itself for any phone; were the
 * methods shared, it would inherit the first app's SMS country rule and refuse a US number.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { defineSignInMethod, type Plugin } from '../../kernel/plugin.ts'
import { plugins as defaultPlugins } from '../../plugins.ts'
import { createTestPropusk, type TestPropusk } from '../../../test/support/propusk.ts'
import { engineerApp, insertApp, pluginSettings, post } from '../../../test/support/otp.ts'
import { createOtpMethodRegistry } from './registry.ts'

const running: TestPropusk[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.close()))
})

/** A phone method without one-time codes (e.g. a link by SMS): no country rule of its own. */
const phoneLink = defineSignInMethod({
  id: 'sms-otp',
  kind: 'sign-in-method',
  name: 'Phone link',
  loginKinds: ['phone'],
  settings: z.object({}),
})

async function appWith(plugins: Plugin[]): Promise<TestPropusk> {
  const p = await createTestPropusk({ plugins, env: pluginSettings() })
  running.push(p)
  await insertApp(p, { id: engineerApp, type: 'engineer-mobile', methods: ['sms-otp', 'password'] })
  return p
}

const offered = async (p: TestPropusk, login: string) =>
  (await post(p, '/v1/sign-in/start', { login, clientId: engineerApp })).body.methods

describe('code methods per app', () => {
  it('two apps in one process see only their own methods', async () => {
    const codes = await appWith(defaultPlugins)
    const noCodes = await appWith([
      ...defaultPlugins.filter((p) => !['sms-otp', 'flash-call', 'email-otp'].includes(p.id)),
      phoneLink,
    ])
    expect(codes.services.otpMethods.ids()).toEqual(['sms-otp', 'flash-call', 'email-otp'])
    expect(noCodes.services.otpMethods.ids()).toEqual([])
    expect(noCodes.services.otpMethods.get('sms-otp')).toBeUndefined()

    // SMS codes go to Russian mobiles only (R6); the other app's `sms-otp` has no such rule.
    expect(await offered(codes, '+1 202 555 0123')).toEqual(['password'])
    expect(await offered(noCodes, '+1 202 555 0123')).toEqual(['sms-otp', 'password'])
    expect(await offered(codes, '+7 916 123-45-67')).toEqual(['sms-otp', 'password'])

    // Built after both, a third app with codes still starts from its own, complete set.
    const again = await appWith(defaultPlugins)
    expect(again.services.otpMethods).not.toBe(codes.services.otpMethods)
    expect(again.services.otpMethods.ids()).toEqual(['sms-otp', 'flash-call', 'email-otp'])
    expect(await offered(noCodes, '+1 202 555 0123')).toEqual(['sms-otp', 'password'])
  })

  it('refuses one method id mounted twice in one app', () => {
    const registry = createOtpMethodRegistry()
    const info = { id: 'sms-otp', loginKind: 'phone' as const, accepts: () => true }
    registry.register(info)
    expect(() => registry.register(info)).toThrow(/mounted twice/)
    expect(createOtpMethodRegistry().get('sms-otp')).toBeUndefined()
  })
})
