/** Codes in a real Redis: single use, remembered once used, and their tokens sealed at rest. */
import { afterAll, describe, expect, inject, it } from 'vitest'
import { sha256Hex } from '../../kernel/crypto.ts'
import { createRedisStateStore } from '../../storage/state/redis-tcp.ts'
import { issueCode, redeemCode, type CodeRecord } from './store.ts'

const state = createRedisStateStore({
  url: inject('redisUrl'),
  prefix: `oidc-store:${crypto.randomUUID()}:`,
})
afterAll(() => state.close())

const record: CodeRecord = {
  clientId: 'web-app',
  redirectUri: 'https://rp.example.com/cb',
  codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
  nonce: 'n-1',
  scope: ['openid'],
  userId: 'usr_1',
  authTime: 1_800_000_000,
  amr: ['pwd'],
  sessionId: 'ses_1',
  accessToken: 'eyJ.access.token',
  refreshToken: 'refresh-token-secret-value',
  accessExpiresAt: Date.now() + 900_000,
}

describe('authorization codes in the state store', () => {
  it('keep the tokens sealed, work once, then name the session to revoke', async () => {
    const code = await issueCode(state, record)
    const raw = (await state.get(`oidc:code:${await sha256Hex(code)}`)) ?? ''
    expect(raw).toContain('"sessionId":"ses_1"')
    expect(raw).not.toContain(record.refreshToken)
    expect(raw).not.toContain(record.accessToken)
    expect(raw).not.toContain(code)

    const [first, second] = await Promise.all([redeemCode(state, code), redeemCode(state, code)])
    const outcomes = [first.status, second.status].sort()
    expect(outcomes).toEqual(['ok', 'reused'])
    const ok = first.status === 'ok' ? first : second
    expect(ok).toEqual({ status: 'ok', record })
    expect(await redeemCode(state, code)).toEqual({ status: 'reused', sessionId: 'ses_1' })
    expect(await redeemCode(state, 'never-issued')).toEqual({ status: 'unknown' })
  })

  it('expire after at most 60 s', async () => {
    const code = await issueCode(state, record)
    const ttl = await state.ttl(`oidc:code:${await sha256Hex(code)}`)
    expect(ttl).toBeGreaterThan(0)
    expect(ttl).toBeLessThanOrEqual(60_000)
  })
})
