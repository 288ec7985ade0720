import { describe, expect, it } from 'vitest'
import { insertApp, insertUser, outbox, postJson } from '../../../test/support/account.ts'
import { useAdminPropusk } from '../../../test/support/admin.ts'

/** The app's clock, moved forward by tests that wait for a block to end. */
let shiftMs = 0
const fixture = useAdminPropusk({ now: () => new Date(Date.now() + shiftMs) })
const call = fixture.call
const hour = 3600_000

const create = (body: Record<string, unknown>) =>
  call('/v1/admin/users', { method: 'POST', body: { kind: 'employee', ...body } })

describe('duplicate people', () => {
  it('names the person who already has the phone or e-mail', async () => {
    const first = await create({ displayName: 'Первый', phone: '+79161110001' })
    const again = await create({ displayName: 'Второй', phone: '8 916 111-00-01' })
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('phone_taken')
    expect(again.body.error.existingUserId).toBe(first.body.user.id)

    const other = await create({ displayName: 'Третий', email: 'three@example.com' })
    const both = await create({
      displayName: 'Четвёртый',
      phone: '+79161110001',
      email: 'three@example.com',
    })
    expect(both.body.error.code).toBe('logins_taken')
    expect(both.body.error.existingUserIds).toEqual({
      phone: first.body.user.id,
      email: other.body.user.id,
    })
  })
})

describe('block with a reason and an end', () => {
  it('refuses sign-in until the end, then lets the person in again, audited', async () => {
    shiftMs = 0
    const { propusk } = fixture
    await insertApp(propusk, { id: 'engineer-app', type: 'engineer-mobile' })
    const id = await insertUser(propusk, {
      email: 'olga@example.com',
      password: 'длинный пароль 7',
    })
    const signIn = () =>
      postJson(propusk, '/v1/auth/password/sign-in', {
        login: 'olga@example.com',
        password: 'длинный пароль 7',
        clientId: 'engineer-app',
      })
    expect((await signIn()).status).toBe(200)

    const past = await call(`/v1/admin/users/${id}/block`, {
      method: 'POST',
      body: { until: new Date(Date.now() - hour).toISOString() },
    })
    expect(past.status).toBe(400)
    expect(past.body.error.fields[0].field).toBe('until')

    const until = new Date(Date.now() + 2 * hour).toISOString()
    const blocked = await call(`/v1/admin/users/${id}/block`, {
      method: 'POST',
      body: { reason: 'Уволен до выяснения', until },
    })
    expect(blocked.status).toBe(200)
    expect(blocked.body.sessionsEnded).toBe(1)
    expect(blocked.body.user).toMatchObject({
      status: 'blocked',
      blockedReason: 'Уволен до выяснения',
      blockedUntil: until,
    })
    expect((await (await signIn()).json()).error.code).toBe('account_blocked')

    shiftMs = 3 * hour
    expect((await signIn()).status).toBe(200)
    // Back to now: the admin's access token would have expired in three hours.
    shiftMs = 0
    const person = await call(`/v1/admin/users/${id}`)
    expect(person.body).toMatchObject({ status: 'active', blockedReason: null, blockedUntil: null })
    const audit = await call(`/v1/admin/audit?targetId=${id}&action=user.`)
    const actions = audit.body.items.map((e: { action: string; actorType: string }) => [
      e.action,
      e.actorType,
    ])
    expect(actions.slice(0, 2)).toEqual([
      ['user.unblock', 'system'],
      ['user.block', 'user'],
    ])
    expect(audit.body.items[1].details).toMatchObject({ reason: 'Уволен до выяснения', until })
  })

  it('a block without an end stays; a plain POST without a body still blocks', async () => {
    const id = await insertUser(fixture.propusk, { email: 'plain@example.com' })
    const plain = await fixture.request(`/v1/admin/users/${id}/block`, { method: 'POST' })
    expect(plain.status).toBe(200)
    shiftMs = 1000 * hour
    expect((await fixture.propusk.services.identity.users.get(id))?.status).toBe('blocked')
    shiftMs = 0
  })
})

describe('effective access', () => {
  it('lists the apps of the app types the person’s roles grant', async () => {
    const { propusk } = fixture
    await insertApp(propusk, { id: 'engineer-android', type: 'engineer-mobile' })
    await insertApp(propusk, { id: 'customer-web', type: 'customer-web' })
    const id = await insertUser(propusk, { email: 'access@example.com' })
    const access = await call(`/v1/admin/users/${id}/access`)
    expect(access.status).toBe(200)
    const appIds = access.body.apps.map((a: { id: string }) => a.id)
    expect(appIds).toContain('engineer-android')
    expect(appIds).not.toContain('customer-web')
    expect(access.body.canSignIn).toBe(true)
    expect(access.body.apps[0].viaRoleIds).toEqual(['role_field_employee'])
    expect((await call('/v1/admin/users/usr_nobody/access')).status).toBe(404)
  })
})

describe('invitation links and channels', () => {
  it('copies a new link once (audited, earlier links retired) and resends by SMS on request', async () => {
    const made = await create({
      displayName: 'Двухканальный',
      phone: '+79161110009',
      email: 'two@example.com',
    })
    const id = made.body.user.id
    expect(made.body.invitation.invitation.channel).toBe('email')

    const link = await fixture.request(`/v1/admin/users/${id}/invitation-link`, { method: 'POST' })
    expect(link.status).toBe(201)
    expect(link.headers.get('cache-control')).toBe('no-store')
    const { url, invitation } = await link.json()
    expect(url).toMatch(/\/invite\?token=[\w-]{20,}/)
    expect(invitation.copied).toBe(true)
    const detail = await call(`/v1/admin/users/${id}`)
    expect(detail.body.invitation).toMatchObject({ id: invitation.id, copied: true })
    const audit = await call(`/v1/admin/audit?targetId=${id}&action=invitation.link`)
    expect(audit.body.items).toHaveLength(1)
    // The copied link works: the person sets a password with it.
    const token = new URL(url).searchParams.get('token')
    const accept = await postJson(fixture.propusk, '/v1/invitations/accept', {
      token,
      password: 'длинный пароль 9',
    })
    expect(accept.status).toBe(200)

    const other = await create({
      displayName: 'СМС',
      phone: '+79161110010',
      email: 's@example.com',
    })
    const bySms = await call(`/v1/admin/users/${other.body.user.id}/invitation`, {
      method: 'POST',
      body: { channel: 'sms' },
    })
    expect(bySms.body).toMatchObject({ channel: 'sms', sentTo: '+79161110010' })
    expect((await outbox(fixture.propusk, '+79161110010'))[0]?.purpose).toBe('invitation')

    const noPhone = await create({ displayName: 'Почта', email: 'mail@example.com' })
    const refused = await call(`/v1/admin/users/${noPhone.body.user.id}/invitation`, {
      method: 'POST',
      body: { channel: 'sms' },
    })
    expect(refused.status).toBe(409)
    expect(refused.body.error.code).toBe('invitation_channel_unavailable')
  })
})
