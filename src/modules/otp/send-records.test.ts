/**
 * What a code send leaves on record now that its reads are one statement and its writes one
 * batch: the SMS-forwarding rule read with the person still e-mails the copy (R11), and the
 * delivery log rows (the SMS, and the copy pointing at it) are written with the audit row.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { insertUser, outbox, sendCode, startOtpPropusk } from '../../../test/support/otp.ts'
import type { TestPropusk } from '../../../test/support/propusk.ts'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

const rows = async (p: TestPropusk, sql: string, args: string[] = []) =>
  (await p.services.sql.execute({ sql, args })).rows

async function addRule(p: TestPropusk, phone: string, email: string, enabled = 1) {
  const at = new Date().toISOString()
  await p.services.sql.execute({
    sql: `INSERT INTO sms_forwarding_rules (id, phone, email, enabled, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?)`,
    args: [`fwd_${phone}`, phone, email, enabled, at, at],
  })
}

describe('a code send on record', () => {
  it('an SMS code to a phone with a forwarding rule: the copy is e-mailed and both are logged', async () => {
    const p = (running = await startOtpPropusk())
    const phone = '+79161234571'
    await insertUser(p, { phone })
    await addRule(p, phone, 'dispatch@example.com')

    const sent = await sendCode(p, 'sms-otp', phone)
    expect(sent.status, JSON.stringify(sent.body)).toBe(200)
    const [copy] = await outbox(p, 'dispatch@example.com', 'email')
    expect(copy?.text).toContain(phone)

    const log = await rows(
      p,
      'SELECT id, channel, status, forwarded_from FROM delivery_log ORDER BY channel DESC',
    )
    expect(log.map((row) => row.channel)).toEqual(['sms', 'email'])
    expect(log[1]?.forwarded_from).toBe(log[0]?.id)
    const audit = await rows(p, `SELECT result FROM audit_log WHERE action = 'otp.send'`)
    expect(audit.map((row) => row.result)).toEqual(['success'])
  })

  it('a disabled rule, or a rule of another phone, forwards nothing', async () => {
    const p = (running = await startOtpPropusk())
    const phone = '+79161234572'
    await insertUser(p, { phone })
    await addRule(p, phone, 'off@example.com', 0)
    await addRule(p, '+79161234573', 'other@example.com')

    expect((await sendCode(p, 'sms-otp', phone)).status).toBe(200)
    expect(await outbox(p, 'off@example.com', 'email')).toEqual([])
    expect(await outbox(p, 'other@example.com', 'email')).toEqual([])
    const log = await rows(p, 'SELECT channel FROM delivery_log')
    expect(log.map((row) => row.channel)).toEqual(['sms'])
  })

  it('an unknown phone with a rule: nothing is sent or forwarded, the send is audited', async () => {
    const p = (running = await startOtpPropusk())
    const phone = '+79161234574'
    await addRule(p, phone, 'nobody@example.com')

    expect((await sendCode(p, 'sms-otp', phone)).status).toBe(200)
    expect(await outbox(p, 'nobody@example.com', 'email')).toEqual([])
    expect(await rows(p, 'SELECT id FROM delivery_log')).toEqual([])
    const audit = await rows(p, `SELECT result FROM audit_log WHERE action = 'otp.send'`)
    expect(audit.map((row) => row.result)).toEqual(['success'])
  })
})
