/**
 * People and apps for the OpenID Connect tests, written straight into SQL (the admin API is not
 * under test): a web app with a registered redirect URI, a role that grants the `web` type, a
 * person holding it, and a field employee whose role does not grant `web` (R7).
 */
import { hashPassword } from '../../src/modules/passwords/hash.ts'
import type { SqlStatement } from '../../src/kernel/ports/sql.ts'

export interface OidcFixture {
  clientId: string
  redirectUri: string
  /** Active, role grants `web`; password and phone (sms-otp). */
  person: { id: string; email: string; phone: string; password: string }
  /** Active field employee: the role does not grant `web`. */
  engineer: { email: string; password: string }
}

export async function createOidcFixture(
  sql: (statements: SqlStatement[]) => Promise<unknown>,
  redirectUri = 'https://rp.example.com/callback',
): Promise<OidcFixture> {
  const suffix = crypto.randomUUID().slice(0, 8)
  const digits = String(Math.floor(Math.random() * 1e7)).padStart(7, '0')
  const at = new Date().toISOString()
  const password = `Lantern mosaic ${suffix}`
  const hash = await hashPassword(password)
  const fixture: OidcFixture = {
    clientId: `web-${suffix}`,
    redirectUri,
    person: {
      id: `usr_oidc_${suffix}`,
      email: `oidc.${suffix}@example.com`,
      phone: `+7916${digits}`,
      password,
    },
    engineer: { email: `oidc.engineer.${suffix}@example.com`, password },
  }
  const role = `role_web_${suffix}`
  const user = (id: string, email: string, phone: string | null) => ({
    sql: `INSERT INTO users (id, kind, display_name, phone, email, status, password_hash, created_at, updated_at, activated_at)
          VALUES (?, 'employee', ?, ?, ?, 'active', ?, ?, ?, ?)`,
    args: [id, `Person ${suffix}`, phone, email, hash, at, at, at],
  })
  await sql([
    {
      sql: `INSERT INTO roles (id, name, name_key, app_types, permissions, created_at, updated_at)
            VALUES (?, ?, ?, '["web"]', '[]', ?, ?)`,
      args: [role, `Web ${suffix}`, `web ${suffix}`, at, at],
    },
    {
      sql: `INSERT INTO apps (id, name, type, enabled, sign_in_methods, redirect_uris, settings, created_at, updated_at)
            VALUES (?, ?, 'web', 1, '["password","sms-otp"]', ?, '{}', ?, ?)`,
      args: [fixture.clientId, `Web ${suffix}`, JSON.stringify([redirectUri]), at, at],
    },
    user(fixture.person.id, fixture.person.email, fixture.person.phone),
    {
      sql: 'INSERT INTO user_roles (user_id, role_id) VALUES (?, ?)',
      args: [fixture.person.id, role],
    },
    user(`usr_oidc_eng_${suffix}`, fixture.engineer.email, null),
    {
      sql: "INSERT INTO user_roles (user_id, role_id) VALUES (?, 'role_field_employee')",
      args: [`usr_oidc_eng_${suffix}`],
    },
  ])
  return fixture
}
