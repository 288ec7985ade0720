import { afterEach, describe, expect, it } from 'vitest'
import { createTestPropusk, type TestPropusk } from '../../../test/support/propusk.ts'
import { backgroundTasksSettled } from './background.ts'

let running: TestPropusk | undefined
afterEach(async () => {
  await backgroundTasksSettled()
  await running?.close()
  running = undefined
})

const resetRequest = () =>
  new Request('http://localhost/v1/password-resets', {
    method: 'POST',
    body: JSON.stringify({ login: 'nobody@example.com' }),
    headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': '10.0.0.1' },
  })

describe('runInBackground', () => {
  it('hands the work to executionCtx.waitUntil where the runtime has one (Workers)', async () => {
    running = await createTestPropusk()
    const handed: Promise<unknown>[] = []
    const executionCtx = {
      waitUntil: (promise: Promise<unknown>) => void handed.push(promise),
      passThroughOnException: () => undefined,
      props: {},
    }
    const response = await running.app.fetch(resetRequest(), {}, executionCtx)
    expect(response.status).toBe(202)
    expect(handed).toHaveLength(1)
    await handed[0]
    const { rows } = await running.services.sql.execute(
      "SELECT details FROM audit_log WHERE action = 'password_reset.request'",
    )
    expect(JSON.parse(String(rows[0]?.details))).toEqual({ reason: 'unknown_login' })
  })

  it('logs a failure of the background work instead of throwing it', async () => {
    running = await createTestPropusk()
    running.services.sql.close() // every query of the background work now fails
    const response = await running.app.fetch(resetRequest())
    expect(response.status).toBe(202)
    await backgroundTasksSettled()
    expect(running.logs.some((line) => line.includes('password reset request failed'))).toBe(true)
  })
})
