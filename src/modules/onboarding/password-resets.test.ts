import { afterEach, describe, expect, it } from 'vitest'
import { createTestPropusk, type TestPropusk } from '../../../test/support/propusk.ts'
import { insertUser, testEnv } from '../../../test/support/account.ts'
import { sha256Hex } from '../../kernel/crypto.ts'
import { ApiError } from '../../kernel/errors.ts'
import { completePasswordReset, findResetUser } from './password-resets.ts'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

describe('completing a password reset', () => {
  it('leaves the other links of the person valid when the completion is refused', async () => {
    running = await createTestPropusk({ env: testEnv() })
    const userId = await insertUser(running, {
      email: 'reset@example.com',
      password: 'старый пароль 1',
    })
    const t0 = Date.now()
    const link = async (token: string, expiresInMs: number) =>
      running!.services.sql.execute({
        sql: 'INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
        args: [
          await sha256Hex(token),
          userId,
          new Date(t0).toISOString(),
          new Date(t0 + expiresInMs).toISOString(),
        ],
      })
    const expiring = 'a'.repeat(40)
    const other = 'b'.repeat(40)
    await link(expiring, 60_000)
    await link(other, 3 * 3600_000)
    // The clock moves past the first link's expiry between the lookup and the write (as a slow
    // hash or a concurrent request can make it), so the guarded password update changes nothing.
    let calls = 0
    const core = {
      ...running.services,
      now: () => new Date(calls++ === 0 ? t0 : t0 + 120_000),
    }
    const refused = await completePasswordReset(
      core,
      { token: expiring, password: 'совсем новый пароль' },
      { ip: null, requestId: null },
    ).then(
      () => null,
      (error: unknown) => error,
    )
    expect(refused).toBeInstanceOf(ApiError)
    expect((refused as ApiError).code).toBe('reset_link_invalid')
    expect((await findResetUser(running.services, other))?.id).toBe(userId)
    const done = await completePasswordReset(
      running.services,
      { token: other, password: 'совсем новый пароль' },
      { ip: null, requestId: null },
    )
    expect(done.id).toBe(userId)
    // A successful completion still uses up every open link.
    expect(await findResetUser(running.services, other)).toBeNull()
  })
})
