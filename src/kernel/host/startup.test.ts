/**
 * The startup check builds only what the kernel defines: services that modules add to
 * CoreServices (by augmentation) are not there, and a plugin reading one while being built gets
 * a clear error naming it, not `undefined`.
 */
import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import { defineDeliveryProvider, type PluginContext } from '../plugin.ts'
import type { SqlDatabase } from '../ports/sql.ts'
import { checkStartup } from './startup.ts'

const env = {
  TURSO_DATABASE_URL: 'libsql://check.example',
  DELIVERY_SMS: 'probe',
  DELIVERY_EMAIL: 'probe',
  DELIVERY_CALL: 'probe',
}

/** A database with no tables yet: the check reads no stored settings from it. */
function freshDatabase(): SqlDatabase & { closed: boolean } {
  const noTable = () => Promise.reject(new Error('no such table: plugin_settings'))
  return {
    closed: false,
    execute: noTable,
    batch: noTable,
    executeScript: noTable,
    close() {
      this.closed = true
    },
  }
}

/** A provider plugin whose `createProvider` runs `read` on its context. */
function probe(read: (ctx: PluginContext<unknown>) => unknown) {
  return defineDeliveryProvider({
    id: 'probe',
    kind: 'delivery-provider',
    name: 'Probe',
    channels: ['sms', 'email', 'call'],
    settings: z.object({}),
    createProvider(ctx) {
      read(ctx as PluginContext<unknown>)
      return { send: () => Promise.reject(new Error('not sending')) }
    },
  })
}

describe('checkStartup', () => {
  it('hands a provider the kernel services while it is built', async () => {
    const seen: string[] = []
    const check = await checkStartup({
      env,
      plugins: [
        probe((ctx) => {
          seen.push(ctx.config.PROPUSK_MODE, ctx.pluginId, typeof ctx.attempts.limiter)
          seen.push(typeof ctx.log.info, String(ctx.plugins.length))
        }),
      ],
      openSql: async () => freshDatabase(),
    })
    expect(seen).toEqual(['development', 'probe', 'function', 'function', '1'])
    check.sql.close()
  })

  it.each(['identity', 'otpMethods', 'delivery'])(
    'refuses, by name, services.%s read while a provider is built',
    async (name) => {
      const sql = freshDatabase()
      const read = (ctx: PluginContext<unknown>) =>
        (ctx as unknown as Record<string, unknown>)[name]
      await expect(
        checkStartup({ env, plugins: [probe(read)], openSql: async () => sql }),
      ).rejects.toThrow(`services.${name} is not available while startup settings are checked`)
      expect(sql.closed).toBe(true)
    },
  )

  it('is no promise: awaiting a context does not trip the guard', async () => {
    let awaited: unknown
    const check = await checkStartup({
      env,
      plugins: [
        probe((ctx) => {
          awaited = Promise.resolve(ctx)
        }),
      ],
      openSql: async () => freshDatabase(),
    })
    const ctx = (await awaited) as PluginContext<unknown>
    expect(ctx.pluginId).toBe('probe')
    check.sql.close()
  })
})
