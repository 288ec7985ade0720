/**
 * The in-process OIDC setup the provider's tests share: a whole Propusk on a libSQL file with a
 * real redis-server as its state store (codes and SSO sessions live there), the fixture app and
 * person, and oauth4webapi discovered against it, talking through `app.request`.
 */
import { inject } from 'vitest'
import { createRedisStateStore } from '../../src/storage/state/redis-tcp.ts'
import { createOidcFixture, type OidcFixture } from './oidc-fixtures.ts'
import { discover, type OidcTarget, type RpClient } from './oidc-rp.ts'
import { pluginSettings } from './otp.ts'
import { createTestPropusk, type TestPropusk } from './propusk.ts'

export const inProcessIssuer = 'https://id.example.com'

export interface InProcessOidc {
  propusk: TestPropusk
  target: OidcTarget
  fixture: OidcFixture
  rp: RpClient
}

export async function startInProcessOidc(): Promise<InProcessOidc> {
  const propusk = await createTestPropusk({
    env: { ...pluginSettings(), PUBLIC_URL: inProcessIssuer },
    state: createRedisStateStore({
      url: inject('redisUrl'),
      prefix: `oidc:${crypto.randomUUID()}:`,
    }),
  })
  const target: OidcTarget = {
    issuer: inProcessIssuer,
    fetch: async (path, init) => propusk.app.request(path, init),
  }
  const fixture = await createOidcFixture((statements) => propusk.services.sql.batch(statements))
  const rp = await discover(target, fixture.clientId, fixture.redirectUri)
  return { propusk, target, fixture, rp }
}
