import { describe, expect, it } from 'vitest'
import { useAdminPropusk } from '../../../test/support/admin.ts'

const fixture = useAdminPropusk({ scope: 'file' })

const ru = { 'Accept-Language': 'ru-RU,ru;q=0.9,en;q=0.5' }
const createUser = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  fixture.call('/v1/admin/users', { method: 'POST', body, headers })

const hasLatin = (text: string) => /[A-Za-z]{3,}/.test(text.replace(/e-mail/g, ''))

describe('error messages in the language Accept-Language prefers', () => {
  it('keeps English and the codes for clients that send no Accept-Language', async () => {
    const bad = await createUser({ kind: 'employee', displayName: 'X', phone: '12' })
    expect(bad.status).toBe(400)
    expect(bad.body.error).toMatchObject({ code: 'validation_failed' })
    expect(bad.body.error.message).toMatch(/^Invalid /)
    expect(bad.body.error.fields).toEqual([
      expect.objectContaining({
        field: 'phone',
        code: 'phone_invalid',
        message: expect.stringMatching(/^Not a valid/),
      }),
    ])
  })

  it('tells zod limits, types and enums in Russian from code and params', async () => {
    const bad = await createUser(
      { kind: 'boss', displayName: 'x'.repeat(201), email: 'not-mail', roleIds: 'r' },
      ru,
    )
    expect(bad.status).toBe(400)
    expect(bad.body.error.code).toBe('validation_failed')
    expect(bad.body.error.message).toBe('Некоторые поля заполнены неверно.')
    const byField = Object.fromEntries(
      bad.body.error.fields.map((f: { field: string; message: string }) => [f.field, f]),
    )
    expect(byField.kind).toMatchObject({ code: 'invalid_value', message: /^Выберите одно из: / })
    expect(byField.kind.params.values).toEqual(['employee', 'customer'])
    expect(byField.displayName).toMatchObject({
      code: 'too_big',
      params: { origin: 'string', maximum: 200 },
      message: 'Не длиннее 200 символов',
    })
    expect(byField.email).toMatchObject({
      code: 'email_invalid',
      message: 'Неверный адрес e-mail.',
    })
    expect(byField.roleIds).toMatchObject({ code: 'invalid_type', message: 'Введите список' })
    // Only the allowed values themselves stay as the API spells them.
    for (const field of bad.body.error.fields.filter(
      (f: { code: string }) => f.code !== 'invalid_value',
    ))
      expect(hasLatin(field.message), field.message).toBe(false)
  })

  it('tells the checks’ own problems (taken, unknown role, not mobile) in Russian', async () => {
    const first = await createUser({ kind: 'employee', displayName: 'A', phone: '+79161234567' })
    expect(first.status).toBe(201)
    const taken = await createUser(
      { kind: 'employee', displayName: 'B', phone: '8 916 123-45-67' },
      ru,
    )
    expect(taken.status).toBe(409)
    expect(taken.body.error).toMatchObject({
      code: 'phone_taken',
      message: 'Этот телефон уже у другого человека.',
      fields: [{ field: 'phone', code: 'taken', message: 'Уже занято' }],
    })
    const role = await createUser(
      { kind: 'employee', displayName: 'C', email: 'c@example.com', roleIds: ['role_nope'] },
      ru,
    )
    expect(role.body.error.fields).toEqual([
      {
        field: 'roleIds.0',
        code: 'unknown_role',
        params: { role: 'role_nope' },
        message: 'Нет роли «role_nope»',
      },
    ])
    const landline = await createUser(
      { kind: 'employee', displayName: 'D', phone: '+7 495 123-45-67' },
      ru,
    )
    expect(landline.body.error.code).toBe('phone_not_mobile')
    expect(landline.body.error.fields[0].message).toMatch(/^Это городской номер: /)
  })

  it('answers Russian for top-level codes without fields, English when English comes first', async () => {
    const missing = await fixture.call('/v1/admin/users/usr_nope', { headers: ru })
    expect(missing.status).toBe(404)
    expect(missing.body.error).toMatchObject({ code: 'not_found', message: 'Не найдено.' })
    const english = await fixture.call('/v1/admin/users/usr_nope', {
      headers: { 'Accept-Language': 'en-GB,ru;q=0.8' },
    })
    expect(english.body.error.message).toBe('No such user.')
    const response = await fixture.request('/v1/admin/users/usr_nope', { headers: ru })
    expect(response.headers.get('vary')).toContain('Accept-Language')
  })

  it('tells import row problems in the admin’s language', async () => {
    const csv = 'kind,display_name,phone,roles\nboss,,12,Nobody\n'
    const report = await fixture.call('/v1/admin/users/import?dryRun=true', {
      method: 'POST',
      body: { csv, dryRun: true },
      headers: ru,
    })
    expect(report.status).toBe(200)
    const messages = report.body.rows[0].errors.map((e: { message: string }) => e.message)
    expect(messages).toEqual(
      expect.arrayContaining([
        'Должно быть «сотрудник» или «клиент»',
        'Обязательно, не длиннее 200 символов',
        'Нет роли «Nobody»',
      ]),
    )
  })
})
