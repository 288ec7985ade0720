import { afterEach, describe, expect, it } from 'vitest'
import { createAdmin } from '../../../../test/support/admin.ts'
import { createTestPropusk, type TestPropusk } from '../../../../test/support/propusk.ts'
import { insertApp } from '../../../../test/support/account.ts'
import { appCacheTtlMs, createAppCache } from './app-cache.ts'
import type { App } from '../model/types.ts'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

const app = (id: string, enabled = true) => ({ id, enabled }) as App

describe('the app cache of sign-in start', () => {
  it('serves an entry for 15 s, then reads again; a failed read is not kept', async () => {
    let clock = 0
    const cache = createAppCache(() => clock)
    let reads = 0
    const load = async (id: string) => {
      reads++
      return app(id, reads === 1)
    }
    expect(await cache.get('a', load)).toMatchObject({ enabled: true })
    clock += appCacheTtlMs - 1
    expect(await cache.get('a', load)).toMatchObject({ enabled: true })
    expect(reads).toBe(1)
    clock += 1
    expect(await cache.get('a', load)).toMatchObject({ enabled: false })
    expect(reads).toBe(2)
    cache.invalidate('a')
    await cache.get('a', load)
    expect(reads).toBe(3)

    const failing = async () => {
      throw new Error('database away')
    }
    await expect(cache.get('b', failing)).rejects.toThrow('database away')
    expect(await cache.get('b', load)).toMatchObject({ id: 'b' })
  })

  it("shows an admin's change to an app at once in the isolate that made it", async () => {
    const propusk = (running = await createTestPropusk())
    await insertApp(propusk, { id: 'cached-app', type: 'engineer-mobile' })
    const start = async () => {
      const response = await propusk.app.request('/v1/sign-in/start', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ login: '+79161234567', clientId: 'cached-app' }),
      })
      return { status: response.status, body: (await response.json()) as Record<string, unknown> }
    }
    expect(await start()).toMatchObject({ status: 200, body: { methods: ['password'] } })

    const admin = await createAdmin(propusk)
    const patch = (body: Record<string, unknown>) =>
      propusk.app.request('/v1/admin/apps/cached-app', {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${admin.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
    expect((await patch({ signInMethods: ['sms-otp', 'password'] })).status).toBe(200)
    expect((await start()).body).toMatchObject({ methods: ['sms-otp', 'password'] })
    expect((await patch({ enabled: false })).status).toBe(200)
    expect(await start()).toMatchObject({ status: 403, body: { error: { code: 'app_disabled' } } })
  })

  it('keeps one cache per app instance, aged on that app’s clock', async () => {
    const writer = (running = await createTestPropusk())
    let clock = Date.now()
    // A second app over the same database in this process, like another isolate.
    const reader = await createTestPropusk({
      env: { TURSO_DATABASE_URL: writer.dbUrl },
      now: () => new Date(clock),
    })
    try {
      await insertApp(writer, { id: 'shared-app', type: 'engineer-mobile' })
      const methods = async (p: TestPropusk) => {
        const response = await p.app.request('/v1/sign-in/start', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ login: '+79161234567', clientId: 'shared-app' }),
        })
        return ((await response.json()) as { methods: string[] }).methods
      }
      expect(await methods(writer)).toEqual(['password'])
      expect(await methods(reader)).toEqual(['password'])

      const admin = await createAdmin(writer)
      const patched = await writer.app.request('/v1/admin/apps/shared-app', {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${admin.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ signInMethods: ['sms-otp', 'password'] }),
      })
      expect(patched.status).toBe(200)
      // The writer dropped its own entry; the other app's entry is its own and still fresh.
      expect(await methods(writer)).toEqual(['sms-otp', 'password'])
      expect(await methods(reader)).toEqual(['password'])
      clock += appCacheTtlMs - 1
      expect(await methods(reader)).toEqual(['password'])
      clock += 1
      expect(await methods(reader)).toEqual(['sms-otp', 'password'])
    } finally {
      await reader.close()
    }
  })
})
