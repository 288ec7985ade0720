import { afterEach, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { createPropusk } from '../../app.ts'
import { ConfigError } from '../config.ts'
import {
  defineClientAppType,
  defineDeliveryProvider,
  defineSignInMethod,
  type Plugin,
} from '../plugin.ts'
import { checkPluginList } from './plugin-host.ts'
import { createTestPropusk, type TestPropusk } from '../../../test/support/propusk.ts'
import { plugins as defaultPlugins } from '../../plugins.ts'

const strictMethod = defineSignInMethod({
  id: 'strict-method',
  kind: 'sign-in-method',
  name: 'Strict',
  loginKinds: ['phone'],
  settings: z.object({
    codeLength: z.number().int().min(4).max(8).default(4),
    allowedCountries: z.array(z.string().length(2)).default(['RU']),
  }),
  settingsFromEnv: (env) =>
    env.STRICT_CODE_LENGTH ? { codeLength: Number(env.STRICT_CODE_LENGTH) } : {},
  errorCodes: { strict_refused: { status: 422, message: 'Refused.' } },
  rateLimits: { perIp: { limit: 2, windowMs: 60_000 } },
  routes(router, ctx) {
    router.get('/settings', (c) => c.json(ctx.settings))
    router.post('/limited', async (c) => {
      await ctx.limits.consume(ctx.pluginId, 'perIp', c.get('clientIp'))
      return c.json({ ok: true })
    })
    router.get('/refuse', () => {
      throw ctx.errors.error('strict_refused')
    })
  },
})

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

async function start(
  env: Record<string, string> = {},
  plugins: Plugin[] = [...defaultPlugins, strictMethod],
) {
  running = await createTestPropusk({ env, plugins })
  return running
}

async function startupProblems(env: Record<string, string>, plugins?: Plugin[]): Promise<string[]> {
  try {
    await start(env, plugins)
  } catch (error) {
    if (error instanceof ConfigError) return error.problems
    throw error
  }
  throw new Error('expected startup to fail')
}

describe('plugin host', () => {
  it('mounts a sign-in method under /v1/auth/<id> with its validated settings', async () => {
    const { app } = await start()
    const response = await app.request('/v1/auth/strict-method/settings')
    expect(await response.json()).toEqual({ codeLength: 4, allowedCountries: ['RU'] })
  })

  it('layers settings: defaults, env, stored, then PLUGIN_SETTINGS', async () => {
    const { app } = await start({
      STRICT_CODE_LENGTH: '6',
      PLUGIN_SETTINGS: JSON.stringify({ 'strict-method': { allowedCountries: ['RU', 'KZ'] } }),
    })
    const response = await app.request('/v1/auth/strict-method/settings')
    expect(await response.json()).toEqual({ codeLength: 6, allowedCountries: ['RU', 'KZ'] })
  })

  it('stops startup naming the plugin and every bad field', async () => {
    const problems = await startupProblems({
      PLUGIN_SETTINGS: JSON.stringify({
        'strict-method': { codeLength: 3, allowedCountries: ['RUS'] },
        'no-such-plugin': {},
      }),
    })
    expect(problems).toHaveLength(3)
    expect(problems).toContainEqual(
      expect.stringMatching(/^plugin strict-method: settings\.codeLength: /),
    )
    expect(problems).toContainEqual(
      expect.stringMatching(/^plugin strict-method: settings\.allowedCountries\.0: /),
    )
    expect(problems).toContainEqual('PLUGIN_SETTINGS: no plugin has the id "no-such-plugin"')
  })

  it('refuses a delivery channel routed to a plugin that cannot send it', async () => {
    const emailOnly = defineDeliveryProvider({
      id: 'mail-only',
      kind: 'delivery-provider',
      name: 'Mail only',
      channels: ['email'],
      settings: z.object({}),
      createProvider: () => ({
        send: async () => ({ provider: 'mail-only', status: 'sent' as const }),
      }),
    })
    const problems = await startupProblems({ DELIVERY_SMS: 'mail-only', DELIVERY_CALL: 'nobody' }, [
      ...defaultPlugins,
      emailOnly,
    ])
    expect(problems).toEqual([
      'DELIVERY_SMS: "mail-only" cannot send sms',
      'DELIVERY_CALL: no delivery provider plugin has the id "nobody"',
    ])
  })

  it('rejects duplicate ids, bad ids, foreign migration ids and clashing error codes', async () => {
    // Checked on the list itself: the test harness lets a later plugin replace one of its id.
    expect(() => checkPluginList([...defaultPlugins, strictMethod, strictMethod])).toThrow(
      /Two plugins/,
    )
    await expect(start({}, [...defaultPlugins, { ...strictMethod, id: 'Bad Id' }])).rejects.toThrow(
      /lower-case/,
    )
    await expect(
      start({}, [
        ...defaultPlugins,
        { ...strictMethod, migrations: [{ id: 'core/0001_x', sql: 'SELECT 1' }] },
      ]),
    ).rejects.toThrow(/must start with "plugin:strict-method\/"/)
    const clash = defineClientAppType({
      id: 'clash',
      kind: 'client-app-type',
      name: 'Clash',
      clientKind: 'public',
      sessionPolicy: {
        accessTokenTtlSeconds: 60,
        refreshTokenAbsoluteTtlSeconds: 60,
        refreshTokenIdleTtlSeconds: 60,
      },
      defaultSignInMethods: [],
      settings: z.object({}),
      errorCodes: { strict_refused: { status: 400, message: 'x' } },
    })
    await expect(start({}, [...defaultPlugins, strictMethod, clash])).rejects.toThrow(
      /"strict_refused" is already declared by plugin strict-method/,
    )
  })

  it('serves plugin error codes and rate limits in the standard error shape', async () => {
    const { app } = await start()
    const refused = await app.request('/v1/auth/strict-method/refuse')
    expect(refused.status).toBe(422)
    expect((await refused.json()).error).toMatchObject({
      code: 'strict_refused',
      message: 'Refused.',
    })
    const statuses: number[] = []
    for (let i = 0; i < 3; i++)
      statuses.push(
        (await app.request('/v1/auth/strict-method/limited', { method: 'POST' })).status,
      )
    expect(statuses).toEqual([200, 200, 429])
  })

  it('lists plugins with a JSON Schema of their settings for the console', async () => {
    const { app } = await start()
    const body = (await (await app.request('/v1/plugins')).json()) as {
      plugins: Array<{
        id: string
        kind: string
        routePrefix: string
        settingsSchema: Record<string, unknown>
      }>
    }
    const strict = body.plugins.find((p) => p.id === 'strict-method')
    expect(strict).toMatchObject({ kind: 'sign-in-method', routePrefix: '/v1/auth/strict-method' })
    expect(strict?.settingsSchema).toMatchObject({
      type: 'object',
      properties: { codeLength: { type: 'integer', minimum: 4, maximum: 8, default: 4 } },
    })
    expect(body.plugins.map((p) => p.kind)).toEqual(
      expect.arrayContaining(['sign-in-method', 'client-app-type', 'delivery-provider']),
    )
  })

  it('names the plugin whose stored settings row is not JSON', async () => {
    const first = await start()
    await first.services.sql.execute({
      sql: 'INSERT INTO plugin_settings (plugin_id, settings, updated_at) VALUES (?, ?, ?)',
      args: ['strict-method', '{"codeLength": 6', new Date().toISOString()],
    })
    const { services } = first
    const problems = await createPropusk({
      settings: services.config,
      env: services.env,
      sql: services.sql,
      state: services.state,
      plugins: [...defaultPlugins, strictMethod],
      log: services.log,
    }).then(
      () => [],
      (error: unknown) => (error instanceof ConfigError ? error.problems : [String(error)]),
    )
    expect(problems).toEqual([
      expect.stringMatching(/^plugin strict-method: its stored settings \(table plugin_settings\)/),
    ])
  })

  it('reports bad plugin settings and a selected provider without secrets together', async () => {
    const problems = await startupProblems({
      DELIVERY_EMAIL: 'resend-email',
      PLUGIN_SETTINGS: JSON.stringify({ 'strict-method': { codeLength: 3 } }),
    })
    expect(problems).toContainEqual(
      expect.stringMatching(/^plugin strict-method: settings\.codeLength/),
    )
    expect(problems).toContainEqual(
      expect.stringMatching(/^plugin resend-email \(DELIVERY_EMAIL=resend-email\): RESEND_API_KEY/),
    )
  })

  it("joins every kind of plugin's validate hook into the one startup ConfigError", async () => {
    const kioskType = defineClientAppType({
      id: 'kiosk',
      kind: 'client-app-type',
      name: 'Kiosk',
      localized: { ru: { name: 'Киоск' } },
      clientKind: 'confidential',
      sessionPolicy: {
        accessTokenTtlSeconds: 60,
        refreshTokenAbsoluteTtlSeconds: 600,
        refreshTokenIdleTtlSeconds: 600,
      },
      defaultSignInMethods: [],
      settings: z.object({ pinned: z.boolean().default(false) }),
      validate: (settings, env) =>
        settings.pinned && !env.KIOSK_PIN ? ['KIOSK_PIN is required when pinned is on'] : [],
    })
    const checkedMethod = defineSignInMethod({
      ...strictMethod,
      validate: (settings) =>
        settings.codeLength > 6 && !settings.allowedCountries.includes('RU')
          ? ['long codes only for RU']
          : undefined,
    })
    const throwingProvider = defineDeliveryProvider({
      id: 'throwing-provider',
      kind: 'delivery-provider',
      name: 'Throwing',
      channels: ['sms'],
      settings: z.object({}),
      validate: () => {
        throw new Error('cannot read its settings')
      },
      createProvider: () => ({ send: () => Promise.reject(new Error('unused')) }),
    })
    const plugins = [...defaultPlugins, checkedMethod, kioskType, throwingProvider]
    const problems = await startupProblems(
      {
        PLUGIN_SETTINGS: JSON.stringify({
          kiosk: { pinned: true },
          'strict-method': { codeLength: 8, allowedCountries: ['KZ'] },
        }),
      },
      plugins,
    )
    expect(problems).toEqual(
      expect.arrayContaining([
        'plugin kiosk: KIOSK_PIN is required when pinned is on',
        'plugin strict-method: long codes only for RU',
        'plugin throwing-provider: Error: cannot read its settings',
      ]),
    )
    expect(problems).toHaveLength(3)
    // Settings the hooks accept start normally.
    await start(
      { KIOSK_PIN: '1234', PLUGIN_SETTINGS: JSON.stringify({ kiosk: { pinned: true } }) },
      [...defaultPlugins, checkedMethod, kioskType],
    )
  })

  it('every registered plugin names (and describes) itself in Russian too', () => {
    for (const plugin of defaultPlugins) {
      const ru = plugin.localized?.ru
      expect(ru?.name, plugin.id).toBeTruthy()
      if (plugin.description) expect(ru?.description, plugin.id).toBeTruthy()
    }
  })

  it('says clearly that delivery and identity exist only once requests are handled', async () => {
    const eager = defineSignInMethod({
      ...strictMethod,
      id: 'eager',
      errorCodes: {},
      routes(router, ctx) {
        void ctx.identity.users
      },
    })
    await expect(start({}, [...defaultPlugins, eager])).rejects.toThrow(
      /services\.identity is available only while handling requests/,
    )
    const lazy = defineSignInMethod({
      ...strictMethod,
      id: 'lazy',
      errorCodes: {},
      routes(router, ctx) {
        router.get('/provider', (c) => c.json({ sms: ctx.delivery.providerFor('sms') }))
      },
    })
    const { app } = await start({}, [...defaultPlugins, lazy])
    expect(await (await app.request('/v1/auth/lazy/provider')).json()).toEqual({
      sms: 'console-delivery',
    })
  })

  it('lets a rule registered again replace the earlier one', async () => {
    const { services } = await start()
    services.limits.register('demo', { r: { limit: 5, windowMs: 1000 } })
    services.limits.register('demo', { r: { limit: 1, windowMs: 1000 } })
    expect(services.limits.rules().filter((r) => r.owner === 'demo')).toEqual([
      { owner: 'demo', rule: 'r', limit: 1, windowMs: 1000 },
    ])
  })
})
