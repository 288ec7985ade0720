/**
 * A person's own message language: set and cleared through the admin API, and used for the
 * invitation before the default (Russian for +7 numbers).
 */
import { describe, expect, it } from 'vitest'
import { useAdminPropusk } from '../../../test/support/admin.ts'
import { outbox } from '../../../test/support/account.ts'

const fixture = useAdminPropusk()
const cyrillic = /[а-яё]/i

describe('a person’s message language', () => {
  it('is stored, validated, and chooses the invitation’s language', async () => {
    const created = await fixture.call('/v1/admin/users', {
      method: 'POST',
      body: { kind: 'employee', displayName: 'John Smith', phone: '+79161230001', locale: 'en' },
    })
    expect(created.status).toBe(201)
    expect(created.body.user.locale).toBe('en')
    const [english] = await outbox(fixture.propusk, '+79161230001')
    expect(english?.text).toMatch(/^Propusk: confirm your registration/)
    expect(english?.text).not.toMatch(cyrillic)

    const id = created.body.user.id as string
    const cleared = await fixture.call(`/v1/admin/users/${id}`, {
      method: 'PATCH',
      body: { locale: null },
    })
    expect(cleared.status).toBe(200)
    expect(cleared.body.locale).toBeNull()
    expect(
      (await fixture.call(`/v1/admin/users/${id}/invitation`, { method: 'POST' })).status,
    ).toBe(200)
    const [automatic] = await outbox(fixture.propusk, '+79161230001')
    expect(automatic?.text).toMatch(/^Пропуск: приглашение/)

    const bad = await fixture.call(`/v1/admin/users/${id}`, {
      method: 'PATCH',
      body: { locale: 'de' },
    })
    expect(bad.status).toBe(400)
    expect(bad.body.error.code).toBeTruthy()
    // Without `locale` a person is automatic.
    const plain = await fixture.call('/v1/admin/users', {
      method: 'POST',
      body: { kind: 'customer', displayName: 'ООО Ромашка', phone: '+79161230002' },
    })
    expect(plain.body.user.locale).toBeNull()
  })
})
