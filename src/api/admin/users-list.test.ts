import { beforeAll, describe, expect, it } from 'vitest'
import { useAdminPropusk } from '../../../test/support/admin.ts'
import { createIdentityRepositories } from '../../modules/identity/store/index.ts'

const fixture = useAdminPropusk({ scope: 'file' })

const ids: Record<string, string> = {}

beforeAll(async () => {
  const { users } = createIdentityRepositories(fixture.propusk.services)
  const people = [
    {
      key: 'ivan',
      kind: 'employee',
      displayName: 'Иван Петров',
      phone: '+79161234567',
      email: null,
      roleIds: ['role_field_employee'],
    },
    {
      key: 'olga',
      kind: 'employee',
      displayName: 'Ольга Иванова',
      phone: '+79169998877',
      email: 'olga@example.com',
      roleIds: ['role_field_employee'],
    },
    {
      key: 'romashka',
      kind: 'customer',
      displayName: 'ООО Ромашка',
      phone: null,
      email: 'office@romashka.ru',
      roleIds: ['role_customer'],
    },
    {
      key: 'john',
      kind: 'customer',
      displayName: 'John Smith_100%',
      phone: '+447911123456',
      email: 'john@example.co.uk',
      roleIds: ['role_customer', 'role_field_employee'],
    },
  ] as const
  for (const person of people) {
    const user = await users.create({ ...person, roleIds: [...person.roleIds] })
    ids[person.key] = user.id
  }
  await users.block(ids.olga!)
  // 25 more so that paging crosses pages.
  for (let i = 0; i < 25; i++) {
    await users.create({
      kind: 'employee',
      displayName: `Bulk ${String(i).padStart(2, '0')}`,
      phone: null,
      email: `bulk${i}@example.com`,
      roleIds: ['role_field_employee'],
    })
  }
})

async function list(query: string) {
  const response = await fixture.request(`/v1/admin/users?${query}`)
  return { status: response.status, body: await response.json() }
}

const names = (body: { items: Array<{ displayName: string }> }) =>
  body.items.map((u) => u.displayName).sort()

describe('listing users', () => {
  it('searches names case-insensitively in any script', async () => {
    expect(names((await list(`q=${encodeURIComponent('иван')}`)).body)).toEqual([
      'Иван Петров',
      'Ольга Иванова',
    ])
    expect(names((await list(`q=${encodeURIComponent('РОМАШКА')}`)).body)).toEqual(['ООО Ромашка'])
    expect(names((await list('q=smith')).body)).toEqual(['John Smith_100%'])
    // LIKE wildcards are literal.
    expect(names((await list(`q=${encodeURIComponent('_100%')}`)).body)).toEqual([
      'John Smith_100%',
    ])
    expect((await list(`q=${encodeURIComponent('%')}`)).body.items).toHaveLength(1)
  })

  it('searches e-mails and phones, whatever the phone notation', async () => {
    expect(names((await list('q=ROMASHKA.RU')).body)).toEqual(['ООО Ромашка'])
    expect(names((await list(`q=${encodeURIComponent('8 916 123')}`)).body)).toEqual([
      'Иван Петров',
    ])
    expect(names((await list(`q=${encodeURIComponent('+7 (916) 999-88-77')}`)).body)).toEqual([
      'Ольга Иванова',
    ])
    expect(names((await list('q=7911')).body)).toEqual(['John Smith_100%'])
  })

  it('filters by kind, status and role', async () => {
    expect(names((await list('kind=customer')).body)).toEqual(['John Smith_100%', 'ООО Ромашка'])
    expect(names((await list('status=blocked')).body)).toEqual(['Ольга Иванова'])
    expect(names((await list('roleId=role_customer')).body)).toEqual([
      'John Smith_100%',
      'ООО Ромашка',
    ])
    expect(names((await list('roleId=role_customer&kind=customer&q=john')).body)).toEqual([
      'John Smith_100%',
    ])
    expect(
      (await list('roleId=role_administrator')).body.items.map((u: { id: string }) => u.id),
    ).toEqual([fixture.admin.user.id])
  })

  it('pages newest first with an opaque cursor, without gaps or repeats', async () => {
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page = await list(`limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
      expect(page.status).toBe(200)
      expect(page.body.items.length).toBeLessThanOrEqual(7)
      seen.push(...page.body.items.map((u: { id: string }) => u.id))
      cursor = page.body.nextCursor
      pages++
    } while (cursor)
    expect(pages).toBe(5) // 30 users (29 + the admin), 7 per page
    expect(new Set(seen).size).toBe(30)
    const all = await list('limit=200')
    expect(all.body.items.map((u: { id: string }) => u.id)).toEqual(seen)
    expect(all.body.nextCursor).toBeNull()
    const created = all.body.items.map((u: { createdAt: string }) => u.createdAt)
    expect([...created].sort().reverse()).toEqual(created)
  })

  it('refuses bad limits, filters and cursors with 400', async () => {
    expect((await list('limit=201')).status).toBe(400)
    expect((await list('limit=0')).status).toBe(400)
    expect((await list('kind=robot')).status).toBe(400)
    const bad = await list('cursor=not-a-cursor')
    expect(bad.status).toBe(400)
    expect(bad.body.error.code).toBe('invalid_cursor')
  })
})
