import { describe, expect, it } from 'vitest'
import { DeliveryError } from '../../kernel/delivery.ts'
import { defineDeliveryProvider } from '../../kernel/plugin.ts'
import * as z from 'zod'
import { plugins } from '../../plugins.ts'
import { useAdminPropusk } from '../../../test/support/admin.ts'

const fixture = useAdminPropusk()

const call = fixture.request

const createUser = (body: Record<string, unknown>) =>
  fixture.call('/v1/admin/users', { method: 'POST', body })

describe('invitations and password resets from the admin API', () => {
  it('resends and revokes invitations and sends password resets', async () => {
    const created = await createUser({
      kind: 'employee',
      displayName: 'Inv',
      email: 'inv@example.com',
    })
    const id = created.body.user.id as string
    const first = created.body.invitation.invitation.id
    const resent = await call(`/v1/admin/users/${id}/invitation`, { method: 'POST' })
    expect(resent.status).toBe(200)
    const second = await resent.json()
    expect(second.id).not.toBe(first)
    const revoked = await call(`/v1/admin/users/${id}/invitation`, { method: 'DELETE' })
    expect(await revoked.json()).toEqual({ revoked: true })
    expect(
      await (await call(`/v1/admin/users/${id}/invitation`, { method: 'DELETE' })).json(),
    ).toEqual({ revoked: false })

    // Invited users get invitations, not resets; active users are the other way round.
    expect((await call(`/v1/admin/users/${id}/password-reset`, { method: 'POST' })).status).toBe(
      409,
    )
    await fixture.propusk.services.identity.users.activate(id)
    expect((await call(`/v1/admin/users/${id}/password-reset`, { method: 'POST' })).status).toBe(
      202,
    )
    const again = await call(`/v1/admin/users/${id}/invitation`, { method: 'POST' })
    expect(again.status).toBe(409)
    expect((await again.json()).error.code).toBe('user_not_invited')
    expect((await call('/v1/admin/users/usr_missing/invitation', { method: 'POST' })).status).toBe(
      404,
    )
  })

  it('keeps the user when the invitation cannot be delivered, and reports it', async () => {
    const failingEmail = defineDeliveryProvider({
      id: 'failing-email',
      kind: 'delivery-provider',
      name: 'Failing e-mail',
      channels: ['email'],
      settings: z.object({}),
      createProvider: () => ({
        send: () => Promise.reject(new DeliveryError('provider_unavailable', 'down', true)),
      }),
    })
    await fixture.restart({
      env: { DELIVERY_EMAIL: 'failing-email' },
      plugins: [...plugins, failingEmail],
    })
    const created = await createUser({
      kind: 'employee',
      displayName: 'Unlucky',
      email: 'unlucky@example.com',
    })
    expect(created.status).toBe(201)
    expect(created.body.invitation).toMatchObject({
      status: 'failed',
      error: { code: 'delivery_failed' },
    })
    expect(created.body.user).toMatchObject({ status: 'invited', email: 'unlucky@example.com' })
    // SMS still goes through the console provider.
    const byPhone = await createUser({
      kind: 'customer',
      displayName: 'Lucky',
      phone: '+79160000001',
    })
    expect(byPhone.body.invitation.status).toBe('sent')
  })
})
