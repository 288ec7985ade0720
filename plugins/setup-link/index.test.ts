import { afterEach, describe, expect, it } from 'vitest'
import { createTestPropusk, type TestPropusk } from '../../test/support/propusk.ts'
import { issueSetupToken } from './index.ts'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

const verify = (propusk: TestPropusk, token: string) =>
  propusk.app.request('/v1/auth/setup-link/verify', {
    method: 'POST',
    body: JSON.stringify({ token }),
    headers: { 'Content-Type': 'application/json' },
  })

describe('setup-link', () => {
  it('prints a one-time link at start while no administrator exists', async () => {
    running = await createTestPropusk()
    const printed: string[] = []
    const original = console.log
    console.log = (text: string) => printed.push(text)
    try {
      await running.start()
    } finally {
      console.log = original
    }
    const token = /\/setup\?token=([\w-]+)/.exec(printed.join('\n'))?.[1]
    expect(token).toBeDefined()
    expect((await verify(running, token as string)).status).toBe(200)
    expect(await (await running.app.request('/v1/auth/setup-link/status')).json()).toEqual({ pending: true })
  })

  it('retires the previous link when a new one is issued, and rejects unknown ones', async () => {
    running = await createTestPropusk()
    const first = await issueSetupToken(running.services.sql, new Date(), 24)
    const second = await issueSetupToken(running.services.sql, new Date(), 24)
    expect((await verify(running, first)).status).toBe(400)
    expect((await verify(running, second)).status).toBe(200)
    const unknown = await verify(running, 'x'.repeat(43))
    expect((await unknown.json()).error.code).toBe('setup_link_invalid')
  })

  it('expires links and limits guesses per IP', async () => {
    running = await createTestPropusk()
    const old = await issueSetupToken(running.services.sql, new Date(Date.now() - 25 * 3600_000), 24)
    expect((await verify(running, old)).status).toBe(400)
    const statuses: number[] = []
    for (let i = 0; i < 10; i++) statuses.push((await verify(running, 'y'.repeat(43))).status)
    expect(statuses.at(-1)).toBe(429)
    const limited = await verify(running, 'y'.repeat(43))
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/)
  })
})
