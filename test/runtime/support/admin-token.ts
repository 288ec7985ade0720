/**
 * An Administrator's admin-console access token on a server under test, made over HTTP the way
 * a real install makes its first one: a first-administrator link (stored straight into SQL, as
 * the setup-link plugin stores it), completed, then a password sign-in to `admin-console`.
 * Used where a suite needs an admin for something else (e.g. reading the development outbox).
 */
import { randomToken, sha256Hex } from '../../../src/kernel/crypto.ts'
import type { SmokeTarget } from '../smoke-suite.ts'
import { callJson, expectStatus, type TokenPair } from './http-json.ts'

export async function adminAccessToken(
  target: Pick<SmokeTarget, 'fetch' | 'sql'>,
): Promise<string> {
  const token = randomToken()
  const suffix = crypto.randomUUID().slice(0, 8)
  const email = `admin-${suffix}@example.com`
  const password = `Admin pass phrase ${suffix}`
  const now = Date.now()
  await target.sql([
    {
      sql: `INSERT INTO setup_links (token_hash, created_at, expires_at, purpose)
            VALUES (?, ?, ?, 'first_admin')`,
      args: [
        await sha256Hex(token),
        new Date(now).toISOString(),
        new Date(now + 3600_000).toISOString(),
      ],
    },
  ])
  const completed = await callJson(target, 'POST', '/v1/auth/setup-link/complete', {
    body: { token, displayName: `Admin ${suffix}`, email, password },
  })
  expectStatus(completed, 201)
  const signedIn = await callJson(target, 'POST', '/v1/auth/password/sign-in', {
    body: { login: email, password, clientId: 'admin-console' },
  })
  return expectStatus<TokenPair>(signedIn, 200).access_token
}
