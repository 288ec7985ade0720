import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestPropusk, type TestPropusk } from '../../../test/support/propusk.ts'
import { quietDelivery } from '../../../test/support/admin.ts'
import { createIdentityRepositories, type IdentityRepositories } from './store/index.ts'

let propusk: TestPropusk
let repos: IdentityRepositories
beforeEach(async () => {
  propusk = await createTestPropusk({ env: quietDelivery })
  repos = createIdentityRepositories(propusk.services)
})
afterEach(async () => {
  await propusk.close()
})

describe('user directory', () => {
  it('finds people by any notation of their phone or e-mail', async () => {
    const user = await repos.users.create({
      kind: 'employee',
      displayName: 'Иван',
      phone: '+79161234567',
      email: 'ivan@example.com',
      roleIds: ['role_field_employee', 'role_customer'],
    })
    const directory = propusk.services.identity.users
    for (const login of [
      '8 916 123-45-67',
      '+7 (916) 123-45-67',
      '9161234567',
      ' IVAN@Example.com ',
    ]) {
      expect((await directory.findByLogin(login))?.id, login).toBe(user.id)
    }
    expect(await directory.findByLogin('+79160000000')).toBeNull()
    expect(await directory.findByLogin('nobody@example.com')).toBeNull()
    expect(await directory.findByLogin('not a login')).toBeNull()
    expect((await directory.roles(user.id)).map((r) => r.id)).toEqual([
      'role_customer',
      'role_field_employee',
    ])
    expect(await directory.roles('usr_missing')).toEqual([])
  })

  it('activates invited users once, and never a blocked one', async () => {
    const directory = propusk.services.identity.users
    const user = await repos.users.create({
      kind: 'customer',
      displayName: 'C',
      phone: null,
      email: 'c@example.com',
      roleIds: [],
    })
    expect(user.status).toBe('invited')
    await directory.activate(user.id)
    const active = await directory.get(user.id)
    expect(active).toMatchObject({ status: 'active' })
    expect(active?.activatedAt).toBeTypeOf('string')
    const blocked = await repos.users.create({
      kind: 'customer',
      displayName: 'B',
      phone: null,
      email: 'b@example.com',
      roleIds: [],
    })
    await repos.users.block(blocked.id)
    await directory.activate(blocked.id)
    expect((await directory.get(blocked.id))?.status).toBe('blocked')
  })

  it('finds names written without the search column (rows inserted by plain SQL)', async () => {
    const at = new Date().toISOString()
    await propusk.services.sql.execute({
      sql: `INSERT INTO users (id, kind, display_name, email, status, created_at, updated_at)
            VALUES ('usr_sql', 'employee', 'Plain Sql Person', 'sql@example.com', 'active', ?, ?)`,
      args: [at, at],
    })
    const page = await repos.users.list({ q: 'plain sql', limit: 10 })
    expect(page.items.map((u) => u.id)).toEqual(['usr_sql'])
  })
})

describe('repositories keep writes whole', () => {
  it('leaves no user behind when a role insert fails', async () => {
    await expect(
      repos.users.create({
        kind: 'employee',
        displayName: 'X',
        phone: null,
        email: 'x@example.com',
        roleIds: ['role_gone'],
      }),
    ).rejects.toMatchObject({ code: 'validation_failed' })
    const { rows } = await propusk.services.sql.execute(
      "SELECT count(*) AS n FROM users WHERE email = 'x@example.com'",
    )
    expect(Number(rows[0]?.n)).toBe(0)
  })
})
