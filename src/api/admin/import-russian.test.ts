import { describe, expect, it } from 'vitest'
import { useAdminPropusk } from '../../../test/support/admin.ts'

const fixture = useAdminPropusk()

const importCsv = (csv: string) =>
  fixture.call('/v1/admin/users/import', { method: 'POST', body: { csv, dryRun: false } })

describe('CSV import from the Russian console’s template', () => {
  it('reads Russian column names, kinds and built-in role names, and ids and English names too', async () => {
    const { status, body } = await importCsv(
      [
        'Тип,Имя,Телефон,E-mail,Роли',
        'сотрудник,Иван Петров,8 916 123-45-67,,Выездной сотрудник',
        'Клиент,"Ромашка, ООО",,office@romashka.ru,Клиент',
        'employee,Пётр Сидоров,+7 916 000-00-07,,Field employee; role_customer',
        'сотрудник,Нет Роли,+7 916 000-00-08,,Космонавт',
      ].join('\n'),
    )
    expect(status).toBe(200)
    expect(body).toMatchObject({ total: 4, created: 3, failed: 1 })
    expect(body.rows[3].errors).toEqual([
      {
        field: 'roles',
        code: 'unknown_role',
        params: { role: 'Космонавт' },
        message: 'unknown role "Космонавт"',
      },
    ])
    const { rows } = await fixture.propusk.services.sql.execute(
      `SELECT u.display_name AS name, u.kind AS kind, group_concat(ur.role_id, ',') AS roles
         FROM users u JOIN user_roles ur ON ur.user_id = u.id
        WHERE u.display_name IN ('Иван Петров', 'Ромашка, ООО', 'Пётр Сидоров')
        GROUP BY u.id ORDER BY u.display_name`,
    )
    const byName = Object.fromEntries(
      rows.map((r) => [String(r.name), { kind: r.kind, roles: String(r.roles).split(',').sort() }]),
    )
    expect(byName['Иван Петров']).toEqual({ kind: 'employee', roles: ['role_field_employee'] })
    expect(byName['Ромашка, ООО']).toEqual({ kind: 'customer', roles: ['role_customer'] })
    expect(byName['Пётр Сидоров']).toEqual({
      kind: 'employee',
      roles: ['role_customer', 'role_field_employee'],
    })
  })

  it('reads the optional message language column in either template’s words', async () => {
    const { status, body } = await importCsv(
      [
        'Тип,Имя,Телефон,E-mail,Роли,Язык',
        'сотрудник,Анна Русская,+7 916 000-00-11,,,Русский',
        'сотрудник,John English,+7 916 000-00-12,,,English',
        'сотрудник,Авто Матов,+7 916 000-00-13,,,',
        'сотрудник,Ганс Немец,+7 916 000-00-14,,,Deutsch',
      ].join('\n'),
    )
    expect(status).toBe(200)
    expect(body).toMatchObject({ total: 4, created: 3, failed: 1 })
    expect(body.rows[3].errors).toMatchObject([{ field: 'language', code: 'language_invalid' }])
    const english = await importCsv(
      'kind,display_name,email,language\nemployee,Olga,olga@example.com,ru\n',
    )
    expect(english.body).toMatchObject({ created: 1 })
    const { rows } = await fixture.propusk.services.sql.execute(
      `SELECT display_name AS name, locale FROM users WHERE display_name IN
         ('Анна Русская', 'John English', 'Авто Матов', 'Olga')`,
    )
    expect(Object.fromEntries(rows.map((r) => [String(r.name), r.locale]))).toEqual({
      'Анна Русская': 'ru',
      'John English': 'en',
      'Авто Матов': null,
      Olga: 'ru',
    })
  })

  it('prefers a role an admin named like a built-in one over the built-in', async () => {
    const created = await fixture.call('/v1/admin/roles', {
      method: 'POST',
      body: { name: 'Администратор', description: 'Office', appTypes: [], permissions: [] },
    })
    expect(created.status).toBe(201)
    const { body } = await importCsv(
      'Тип,Имя,E-mail,Роли\nсотрудник,Ольга,olga@example.com,Администратор',
    )
    expect(body.rows[0]).toMatchObject({ status: 'created' })
    const { rows } = await fixture.propusk.services.sql.execute({
      sql: 'SELECT role_id FROM user_roles WHERE user_id = ?',
      args: [body.rows[0].userId],
    })
    expect(rows.map((r) => r.role_id)).toEqual([created.body.id])
  })

  it('tells the file’s warnings in the admin’s language', async () => {
    const csv = 'Тип,Имя,E-mail,Заметки\nсотрудник,Дарья,darya@example.com,с ярмарки'
    const ru = await fixture.call('/v1/admin/users/import', {
      method: 'POST',
      body: { csv, dryRun: true },
      headers: { 'Accept-Language': 'ru' },
    })
    expect(ru.body.warnings).toEqual([
      'Неизвестный столбец «Заметки» пропущен (известные: Тип, Имя, Телефон, E-mail, Роли, Язык)',
    ])
    const en = await fixture.call('/v1/admin/users/import', {
      method: 'POST',
      body: { csv, dryRun: true },
      headers: { 'Accept-Language': 'en' },
    })
    expect(en.body.warnings).toEqual([
      'unknown column "Заметки" ignored (known: kind, display_name, phone, email, roles, language)',
    ])
  })
})
