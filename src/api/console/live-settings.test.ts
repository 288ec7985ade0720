import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adminRequest, createAdmin, quietDelivery } from '../../../test/support/admin.ts'
import { createTestPropusk, type TestPropusk } from '../../../test/support/propusk.ts'
import { liveSettingsTtlMs } from '../../kernel/live-settings.ts'

/**
 * Two Propusk instances on one libSQL file stand for two isolates (or servers): a setting saved
 * in one applies there at once, and in the other once its cached copy is older than the TTL,
 * without a restart.
 */
let saver: TestPropusk
let other: TestPropusk
let otherClock = Date.now()
let token: string
let otherToken: string

const outbox = (propusk: TestPropusk) =>
  adminRequest(
    propusk,
    propusk === saver ? token : otherToken,
    '/v1/providers/console-delivery/outbox',
  )

const save = (values: Record<string, unknown>) =>
  adminRequest(saver, token, '/v1/admin/plugins/console-delivery/settings', {
    method: 'PUT',
    body: { values },
  })

beforeAll(async () => {
  saver = await createTestPropusk({ env: quietDelivery })
  other = await createTestPropusk({
    env: { ...quietDelivery, TURSO_DATABASE_URL: saver.dbUrl },
    now: () => new Date(otherClock),
  })
  // Each instance signs with its own development key: an admin signed in to each.
  token = (await createAdmin(saver)).token
  otherToken = (await createAdmin(other)).token
})
afterAll(async () => {
  await other?.close()
  await saver?.close()
})

describe('plugin settings apply without a restart', () => {
  it('at once where saved, within the TTL elsewhere, and say no restart is needed', async () => {
    expect((await outbox(saver)).status).toBe(200)
    expect((await outbox(other)).status).toBe(200)

    const saved = await save({ exposeOutbox: false })
    expect(saved.status).toBe(200)
    expect(await saved.json()).toMatchObject({ restartRequired: false })
    const refused = await outbox(saver)
    expect(refused.status).toBe(404)
    expect((await refused.json()).error.code).toBe('outbox_disabled')

    // The other instance answers from its copy until the copy is older than the TTL…
    otherClock += liveSettingsTtlMs - 1
    expect((await outbox(other)).status).toBe(200)
    // …then the next use reads the table in the background; the new value is in use shortly.
    otherClock += 2
    const statuses: number[] = []
    for (let i = 0; i < 50 && statuses.at(-1) !== 404; i++) {
      statuses.push((await outbox(other)).status)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect(statuses.at(-1)).toBe(404)

    // And back: saving again reverts both, the saver at once.
    expect((await save({ exposeOutbox: true })).status).toBe(200)
    expect((await outbox(saver)).status).toBe(200)
  })
})
