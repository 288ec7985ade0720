import { describe, expect, it } from 'vitest'
import { adminToken, adminRequest, useAdminPropusk } from '../../../test/support/admin.ts'
import { outbox } from '../../../test/support/account.ts'

const fixture = useAdminPropusk()

const ru = { 'Accept-Language': 'ru' }
const testSend = (body: Record<string, unknown>, headers: Record<string, string> = ru) =>
  fixture.call('/v1/admin/delivery/test', { method: 'POST', body, headers })

describe('delivery channels in the console', () => {
  it('names the provider in use per channel, with its Russian name', async () => {
    const { status, body } = await fixture.call('/v1/admin/delivery/channels')
    expect(status).toBe(200)
    expect(body.channels.map((c: { channel: string }) => c.channel)).toEqual([
      'sms',
      'email',
      'call',
    ])
    expect(body.channels[0]).toMatchObject({ provider: 'console-delivery' })
    expect(body.channels[0].localized?.ru?.name).toMatch(/[А-Яа-я]/)
  })

  it('sends a test message in the admin’s language, audited, and refuses a bad recipient', async () => {
    const sent = await testSend({ channel: 'sms', to: '8 916 123-45-67' })
    expect(sent.status).toBe(200)
    expect(sent.body).toMatchObject({ provider: 'console-delivery' })
    const [sms] = await outbox(fixture.propusk, '+79161234567')
    expect(sms?.text).toBe('Пропуск: проверка доставки. Всё работает.')
    const mail = await testSend({ channel: 'email', to: 'Ops@Example.com' }, {})
    expect(mail.status).toBe(200)
    const [email] = await outbox(fixture.propusk, 'ops@example.com')
    expect(email?.subject).toBe('Propusk: delivery test')

    const { rows } = await fixture.propusk.services.sql.execute(
      "SELECT * FROM audit_log WHERE action = 'delivery.test' ORDER BY id",
    )
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatchObject({ target_id: 'console-delivery', result: 'success' })
    expect(String(rows[0]?.details)).not.toContain('9161234567') // masked

    const bad = await testSend({ channel: 'email', to: 'nope' })
    expect(bad.status).toBe(400)
    expect(bad.body.error.fields[0]).toMatchObject({
      field: 'to',
      message: 'Неверный адрес e-mail.',
    })
  })

  it('is limited per admin and needs settings:write', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) {
      statuses.push((await testSend({ channel: 'sms', to: '+79161234567' })).status)
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429])
    const reader = await adminToken(fixture.propusk, { permissions: ['settings:read'] })
    const refused = await adminRequest(fixture.propusk, reader, '/v1/admin/delivery/test', {
      method: 'POST',
      body: { channel: 'sms', to: '+79161234567' },
    })
    expect(refused.status).toBe(403)
    const list = await adminRequest(fixture.propusk, reader, '/v1/admin/delivery/channels')
    expect(list.status).toBe(200)
  })
})
