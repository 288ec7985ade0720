/**
 * Real records for the fuzzer to aim at (through the admin API, as a console would make them):
 * an app, a person with phone and e-mail, a role, an SMS-forwarding rule and a session, so that
 * path parameters and client ids hit existing rows and the requests reach the deeper code.
 * The admin who fuzzes is kept out of the pools: deleting or blocking them would only turn the
 * rest of the run into 401s.
 */
import { adminRequest, createAdmin } from '../support/admin.ts'
import type { TestPropusk } from '../support/propusk.ts'
import type { Pools } from './values.ts'

async function created(response: Response, pick: (body: Record<string, { id: string }>) => string) {
  const body = (await response.json()) as Record<string, { id: string }>
  if (response.status !== 201)
    throw new Error(`fuzz seed: ${response.status} ${JSON.stringify(body)}`)
  return pick(body)
}

export async function seedPools(propusk: TestPropusk, token: string): Promise<Pools> {
  const call = (path: string, body: unknown) =>
    adminRequest(propusk, token, path, { method: 'POST', body })
  const appId = await created(
    await call('/v1/admin/apps', {
      id: 'fuzz-app',
      type: 'engineer-mobile',
      name: 'Fuzz app',
      signInMethods: ['sms-otp', 'flash-call', 'email-otp', 'password'],
    }),
    (b) => b.app?.id ?? '',
  )
  const phone = '+79161234567'
  const email = 'fuzz.person@example.com'
  const userId = await created(
    await call('/v1/admin/users', { kind: 'employee', displayName: 'Fuzz Person', phone, email }),
    (b) => b.user?.id ?? '',
  )
  const roleId = await created(
    await call('/v1/admin/roles', {
      name: 'Fuzz role',
      appTypes: ['engineer-mobile'],
      permissions: [],
    }),
    (b) => b.role?.id ?? '',
  )
  const ruleId = await created(
    await call('/v1/admin/sms-forwarding', { phone: '+79160000001', email: 'fwd@example.com' }),
    (b) => b.rule?.id ?? '',
  )
  // Another admin's session: a real session id that revoking does not sign the fuzzer out.
  const other = await createAdmin(propusk)
  return {
    clientIds: [appId, 'admin-console', 'no-such-app'],
    logins: [phone, email, '8 916 123-45-67', '+79990000000', 'nobody@example.com'],
    ids: [
      userId,
      roleId,
      ruleId,
      appId,
      other.user.id,
      other.tokens.sessionId,
      'admin-console',
      'role_field_employee',
      'sms-otp',
      'console-delivery',
      'password',
    ],
  }
}
