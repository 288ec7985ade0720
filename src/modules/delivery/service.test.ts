import { afterEach, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { DeliveryError } from '../../kernel/delivery.ts'
import { defineDeliveryProvider } from '../../kernel/plugin.ts'
import { plugins as defaultPlugins } from '../../plugins.ts'
import { createTestPropusk, type TestPropusk } from '../../../test/support/propusk.ts'

/** A provider whose SMS always fail the way a real provider reports an unreachable number. */
const refusingSms = defineDeliveryProvider({
  id: 'refusing-sms',
  kind: 'delivery-provider',
  name: 'Refusing SMS',
  channels: ['sms'],
  settings: z.object({}),
  createProvider: () => ({
    send: async () => {
      throw new DeliveryError('invalid_recipient', 'The number is not a mobile number.')
    },
  }),
})

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

const quiet = { PLUGIN_SETTINGS: '{"console-delivery":{"printToTerminal":false}}' }

async function logRows(propusk: TestPropusk) {
  const { rows } = await propusk.services.sql.execute(
    'SELECT * FROM delivery_log ORDER BY created_at, rowid',
  )
  return rows
}

async function outbox(propusk: TestPropusk) {
  const { rows } = await propusk.services.sql.execute(
    'SELECT channel, recipient, body_text FROM console_outbox ORDER BY rowid',
  )
  return rows
}

describe('delivery service', () => {
  it('logs every send with a masked recipient and the provider message id', async () => {
    running = await createTestPropusk({ env: quiet })
    const receipt = await running.services.delivery.send({
      channel: 'sms',
      to: '+79161234567',
      text: 'Код 1234',
      purpose: 'otp',
      appId: 'engineer-app',
      idempotencyKey: 'k1',
    })
    const [row] = await logRows(running)
    expect(row).toMatchObject({
      channel: 'sms',
      provider: 'console-delivery',
      recipient_masked: '+7916***4567',
      app_id: 'engineer-app',
      purpose: 'otp',
      status: 'delivered',
      provider_message_id: receipt.messageId,
    })
    expect(JSON.stringify(row)).not.toContain('1234567')
  })

  it('logs failures with the provider error code and rethrows them', async () => {
    running = await createTestPropusk({
      env: { ...quiet, DELIVERY_SMS: 'refusing-sms' },
      plugins: [...defaultPlugins, refusingSms],
    })
    await expect(
      running.services.delivery.send({
        channel: 'sms',
        to: '+79161234567',
        text: 'x',
        purpose: 'otp',
        idempotencyKey: 'k2',
      }),
    ).rejects.toMatchObject({ code: 'invalid_recipient' })
    expect(await logRows(running)).toEqual([
      expect.objectContaining({
        provider: 'refusing-sms',
        status: 'failed',
        error_code: 'invalid_recipient',
      }),
    ])
  })

  it('forwards every SMS to a phone with an enabled rule by e-mail (R11), even when the SMS fails', async () => {
    running = await createTestPropusk({
      env: { ...quiet, DELIVERY_SMS: 'refusing-sms' },
      plugins: [...defaultPlugins, refusingSms],
    })
    const now = new Date().toISOString()
    await running.services.sql.batch([
      {
        sql: `INSERT INTO sms_forwarding_rules (id, phone, email, enabled, note, created_at, updated_at)
              VALUES ('fwd_1', '+79161234567', 'support@example.com', 1, 'SMS do not arrive', ?, ?),
                     ('fwd_2', '+79160000000', 'off@example.com', 0, '', ?, ?)`,
        args: [now, now, now, now],
      },
    ])
    const send = (to: string, key: string) =>
      running!.services.delivery.send({
        channel: 'sms',
        to,
        text: 'Код 4321',
        purpose: 'otp',
        idempotencyKey: key,
      })
    await expect(send('+79161234567', 'a')).rejects.toBeInstanceOf(DeliveryError)
    await expect(send('+79160000000', 'b')).rejects.toBeInstanceOf(DeliveryError)
    const mails = await outbox(running)
    expect(mails).toHaveLength(1)
    expect(mails[0]).toMatchObject({ channel: 'email', recipient: 'support@example.com' })
    expect(String(mails[0]?.body_text)).toContain('Код 4321')
    const rows = await logRows(running)
    const sms = rows.find((r) => r.channel === 'sms' && r.recipient_masked === '+7916***4567')
    expect(rows.find((r) => r.channel === 'email')).toMatchObject({
      forwarded_from: sms?.id,
      purpose: 'sms-forward:otp',
    })
  })

  it('moves logged messages forward on status callbacks, never backwards', async () => {
    running = await createTestPropusk({ env: quiet })
    const { sql, delivery } = running.services
    const receipt = await delivery.send({
      channel: 'email',
      to: 'a@example.com',
      text: 'x',
      purpose: 'invitation',
      idempotencyKey: 'e',
    })
    await sql.execute({ sql: "UPDATE delivery_log SET status = 'queued'", args: [] })
    const update = (status: 'sent' | 'delivered' | 'failed', error?: string) =>
      delivery.updateStatus({
        provider: 'console-delivery',
        messageId: receipt.messageId as string,
        status,
        ...(error ? { error } : {}),
      })
    await update('delivered')
    await update('sent')
    await update('failed', '30003')
    const [row] = await logRows(running)
    expect(row).toMatchObject({ status: 'delivered', error_code: null })
  })
})
