import { afterEach, describe, expect, it } from 'vitest'
import type { TestPropusk } from '../../../test/support/propusk.ts'
import { ApiError } from '../../kernel/errors.ts'
import {
  apiSecret,
  auditRows,
  insertUser,
  signIn,
  startPropusk,
} from '../../../testing/fixtures/tokens.ts'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof ApiError ? error.code : String(error)),
  )

describe('signIn and confidential apps (any method)', () => {
  it('needs the valid secret of a confidential app, and audits the refusal', async () => {
    running = await startPropusk()
    const user = await insertUser(running, { roles: ['role_field_employee'] })
    for (const method of ['password', 'sms-otp']) {
      await running.services.sql.execute(
        `UPDATE apps SET sign_in_methods = '["password","sms-otp"]' WHERE id = 'api-client'`,
      )
      expect(await refusal(signIn(running, user, 'api-client', method))).toBe('invalid_client')
      expect(await refusal(signIn(running, user, 'api-client', method, 'wrong'))).toBe(
        'invalid_client',
      )
      const entries = await auditRows(running, `sign_in.${method}`)
      expect(entries.map((e) => [(e as { result?: unknown }).result, e.details.reason])).toEqual([
        ['failure', 'invalid_client'],
        ['failure', 'invalid_client'],
      ])
    }
    const tokens = await signIn(running, user, 'api-client', 'password', apiSecret)
    expect(tokens.accessToken).toBeTruthy()
  })

  it('checks a secret sent for a public app too', async () => {
    running = await startPropusk()
    const user = await insertUser(running, { roles: ['role_customer'] })
    expect(await refusal(signIn(running, user, 'web-app', 'password', 'guess'))).toBe(
      'invalid_client',
    )
    expect((await signIn(running, user, 'web-app')).accessToken).toBeTruthy()
  })
})
