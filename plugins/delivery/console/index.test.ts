import { afterEach, describe, expect, it } from 'vitest'
import { adminToken, createTestPropusk, type TestPropusk } from 'propusk/testing'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

/** The outbox as an Administrator reads it (it answers admin-console tokens only). */
async function readOutbox(propusk: TestPropusk, query = ''): Promise<Outbox> {
  const response = await propusk.app.request(`/v1/providers/console-delivery/outbox${query}`, {
    headers: { Authorization: `Bearer ${await adminToken(propusk)}` },
  })
  expect(response.status).toBe(200)
  return (await response.json()) as Outbox
}

interface Outbox {
  messages: Array<{
    channel: string
    recipient: string
    text: string | null
    subject: string | null
    callerNumber: string | null
  }>
}

describe('console delivery', () => {
  it('keeps SMS, e-mail and calls in the outbox, newest first, filterable', async () => {
    running = await createTestPropusk({
      env: { PLUGIN_SETTINGS: '{"console-delivery":{"printToTerminal":false}}' },
    })
    const { delivery } = running.services
    expect(delivery.providerFor('sms')).toBe('console-delivery')
    await delivery.send({
      channel: 'sms',
      to: '+79161234567',
      text: 'Код: 1234',
      purpose: 'otp',
      idempotencyKey: 'a',
    })
    await delivery.send({
      channel: 'email',
      to: 'ivan@example.com',
      subject: 'Приглашение',
      text: 'Откройте ссылку',
      purpose: 'invitation',
      idempotencyKey: 'b',
    })
    const call = await delivery.send({
      channel: 'call',
      to: '+79161234567',
      purpose: 'otp',
      idempotencyKey: 'c',
    })
    expect(call.callerDigits).toMatch(/^\d{4}$/)

    const all = await readOutbox(running)
    expect(all.messages.map((m) => m.channel)).toEqual(['call', 'email', 'sms'])
    expect(all.messages[0]?.callerNumber?.slice(-4)).toBe(call.callerDigits)

    const toPhone = await readOutbox(running, '?recipient=%2B79161234567&channel=sms')
    expect(toPhone.messages).toEqual([
      expect.objectContaining({ recipient: '+79161234567', text: 'Код: 1234' }),
    ])
  })

  it('does not deliver twice for one idempotency key', async () => {
    running = await createTestPropusk({
      env: { PLUGIN_SETTINGS: '{"console-delivery":{"printToTerminal":false}}' },
    })
    const message = {
      channel: 'call' as const,
      to: '+79161234567',
      purpose: 'otp',
      idempotencyKey: 'same',
    }
    const first = await running.services.delivery.send(message)
    const second = await running.services.delivery.send(message)
    expect(second).toEqual(first)
    const outbox = await readOutbox(running)
    expect(outbox.messages).toHaveLength(1)
  })

  it('prints to the terminal and never exposes the outbox outside development', async () => {
    const printed: string[] = []
    const original = console.log
    console.log = (text: string) => printed.push(text)
    try {
      // An explicit (empty) PLUGIN_SETTINGS keeps the plugin's defaults: the kit's quiet one is off.
      running = await createTestPropusk({ env: { PLUGIN_SETTINGS: '{}' } })
      await running.services.delivery.send({
        channel: 'sms',
        to: '+79160000000',
        text: 'Код 5555',
        purpose: 'otp',
        idempotencyKey: 'p',
      })
    } finally {
      console.log = original
    }
    expect(printed.join('\n')).toMatch(/SMS to \+79160000000[\s\S]*Код 5555/)
    await running.close()

    running = await createTestPropusk({
      env: { PLUGIN_SETTINGS: '{"console-delivery":{"exposeOutbox":false}}' },
    })
    const token = await adminToken(running)
    const response = await running.app.request('/v1/providers/console-delivery/outbox', {
      headers: { Authorization: `Bearer ${token}` },
    })
    expect(response.status).toBe(404)
    expect((await response.json()).error.code).toBe('outbox_disabled')
    // Disabled wins over authentication: without a token it is just as absent.
    const anonymous = await running.app.request('/v1/providers/console-delivery/outbox')
    expect(anonymous.status).toBe(404)
  })

  it('answers only an admin-console token with users:write, since it holds live codes and links', async () => {
    running = await createTestPropusk({
      env: { PLUGIN_SETTINGS: '{"console-delivery":{"printToTerminal":false}}' },
    })
    const path = '/v1/providers/console-delivery/outbox'
    const asBearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } })

    const anonymous = await running.app.request(path)
    expect(anonymous.status).toBe(401)
    expect((await anonymous.json()).error.code).toBe('unauthorized')

    const auditor = await adminToken(running, { permissions: ['audit:read', 'users:read'] })
    const refused = await running.app.request(path, asBearer(auditor))
    expect(refused.status).toBe(403)
    expect((await refused.json()).error).toMatchObject({
      code: 'forbidden',
      permission: 'users:write',
    })

    const admin = await adminToken(running)
    expect((await running.app.request(path, asBearer(admin))).status).toBe(200)
  })

  it('also logs one JSON line per message, with the request id and without the body', async () => {
    const original = console.log
    console.log = () => {}
    try {
      running = await createTestPropusk()
      const log = running.services.log.child({ requestId: 'req_trace-1234' })
      await running.services.delivery.send(
        {
          channel: 'sms',
          to: '+79160000001',
          text: 'Код 7777',
          purpose: 'otp',
          idempotencyKey: 'j',
        },
        { requestId: 'req_trace-1234', log },
      )
    } finally {
      console.log = original
    }
    const lines = running.logs.map((l) => JSON.parse(l) as Record<string, unknown>)
    const line = lines.find((l) => l.msg === 'console delivery')
    expect(line).toMatchObject({
      level: 'info',
      requestId: 'req_trace-1234',
      plugin: 'console-delivery',
      channel: 'sms',
      purpose: 'otp',
    })
    expect(JSON.stringify(line)).not.toContain('7777')
    expect(JSON.stringify(line)).not.toContain('+79160000001')
    expect(lines.find((l) => l.msg === 'delivery sent')).toMatchObject({
      requestId: 'req_trace-1234',
      component: 'delivery',
    })
  })
})
