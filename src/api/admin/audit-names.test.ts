import { describe, expect, it } from 'vitest'
import { useAdminPropusk } from '../../../test/support/admin.ts'

const fixture = useAdminPropusk()

describe('audit log names', () => {
  it('names people, roles, apps and plugins; a deleted person keeps their name', async () => {
    const anna = await fixture.call('/v1/admin/users', {
      method: 'POST',
      body: { kind: 'employee', displayName: 'Анна Смирнова', phone: '+79161234567' },
    })
    expect(anna.status).toBe(201)
    const annaId = anna.body.user.id as string
    const role = await fixture.call('/v1/admin/roles', {
      method: 'POST',
      body: { name: 'Диспетчеры', appTypes: ['web'], permissions: [] },
    })
    expect(role.status).toBe(201)
    const saved = await fixture.call('/v1/admin/plugins/sms-otp/settings', {
      method: 'PUT',
      body: { values: { codeLength: 6 } },
    })
    expect(saved.status).toBe(200)
    expect((await fixture.call(`/v1/admin/users/${annaId}`, { method: 'DELETE' })).status).toBe(204)

    const page = await fixture.call('/v1/admin/audit?limit=50', {
      headers: { 'Accept-Language': 'ru' },
    })
    expect(page.status).toBe(200)
    const { names } = page.body
    expect(names[annaId]).toBe('Анна Смирнова') // deleted, named from the delete entry
    expect(names[role.body.role?.id ?? role.body.id]).toBe('Диспетчеры')
    expect(names['sms-otp']).toBe('Код по SMS')
    expect(names[fixture.admin.user.id]).toBe(fixture.admin.user.displayName)
    expect(names['admin-console']).toBeDefined()
    // Entries about Anna from before the delete are named too.
    const aboutAnna = page.body.items.filter((i: { targetId: string }) => i.targetId === annaId)
    expect(aboutAnna.map((i: { action: string }) => i.action)).toEqual(
      expect.arrayContaining(['user.create', 'user.delete']),
    )

    const english = await fixture.call('/v1/admin/audit?limit=50')
    expect(english.body.names['sms-otp']).toBe('SMS code')
  })
})
