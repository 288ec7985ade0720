/**
 * Invitation and password-reset actions on a user. The invitation and reset services audit
 * these themselves, with the admin as the actor.
 */
import type { OpenAPIHono } from '@hono/zod-openapi'
import * as z from 'zod'
import { DependencyError } from '../../kernel/ports/dependency-error.ts'
import { ApiError } from '../../kernel/errors.ts'
import type { IdentityRepositories, InvitationState } from '../../modules/identity/index.ts'
import type { AppEnv, CoreServices } from '../../kernel/services.ts'
import { errorResponse } from '../../kernel/http/api-docs.ts'
import { createInvitationLink } from '../../modules/onboarding/index.ts'
import { actionContext } from './context.ts'
import { assertMayManageUser } from './grants.ts'
import { adminResource } from './resource.ts'
import {
  conflictError,
  guardedErrors,
  idParam,
  invitationSchema,
  jsonResponse,
  notFoundError,
} from './schemas.ts'

const resendBody = z
  .object({ channel: z.enum(['sms', 'email']).optional() })
  .strict()
  .openapi('ResendInvitation')

/** The `/v1/admin/users` resource; `users.ts` builds its CRUD routes from it too. */
export const userResource = adminResource({
  tag: 'Admin: users',
  path: '/v1/admin/users',
  targetType: 'user',
  actions: 'user',
  read: 'users:read',
  write: 'users:write',
  one: 'User',
  many: 'Users',
})

const resendInvitation = userResource.route(
  'post',
  '/{id}/invitation',
  'write',
  'invitation_send',
  {
    operationId: 'adminResendInvitation',
    summary: 'Send the invitation again (earlier links stop working once it is delivered)',
    description:
      'By e-mail when the person has an address, else by SMS; `channel` chooses (409 ' +
      '`invitation_channel_unavailable` when the person has no login of that kind).',
    request: {
      params: idParam,
      body: { required: false, content: { 'application/json': { schema: resendBody } } },
    },
    responses: {
      200: jsonResponse(invitationSchema, 'The new invitation'),
      ...guardedErrors,
      ...notFoundError,
      ...conflictError('`user_not_invited` or `invitation_channel_unavailable`'),
      502: errorResponse('`delivery_failed`'),
    },
  },
)

const invitationLink = userResource.route(
  'post',
  '/{id}/invitation-link',
  'write',
  'invitation_link',
  {
    operationId: 'adminCreateInvitationLink',
    summary: 'A new invitation link to copy and pass on yourself (shown once)',
    description:
      'Nothing is sent: the link is answered once (only its hash is stored) and earlier links ' +
      'stop working at once. Audited as `invitation.link`.',
    request: { params: idParam },
    responses: {
      201: jsonResponse(
        z.object({ invitation: invitationSchema, url: z.string() }).openapi('InvitationLink'),
        'The new link; store it nowhere',
      ),
      ...guardedErrors,
      ...notFoundError,
      ...conflictError('`user_not_invited`'),
    },
  },
)

const revokeInvitation = userResource.route(
  'delete',
  '/{id}/invitation',
  'write',
  'invitation_revoke',
  {
    operationId: 'adminRevokeInvitation',
    summary: 'Revoke the open invitation link',
    request: { params: idParam },
    responses: {
      200: jsonResponse(z.object({ revoked: z.boolean() }), 'Whether an open link was revoked'),
      ...guardedErrors,
      ...notFoundError,
    },
  },
)

const passwordReset = userResource.route(
  'post',
  '/{id}/password-reset',
  'write',
  'password_reset',
  {
    operationId: 'adminSendPasswordReset',
    summary: 'Send the user a password reset link',
    request: { params: idParam },
    responses: {
      202: jsonResponse(z.object({ sent: z.literal(true) }), 'The link is on its way'),
      ...guardedErrors,
      ...notFoundError,
      ...conflictError('`reset_not_allowed`: only active users'),
      502: errorResponse('`delivery_failed`'),
    },
  },
)

export function mountUserActionRoutes(
  app: OpenAPIHono<AppEnv>,
  services: CoreServices,
  repos: IdentityRepositories,
) {
  const { users } = repos
  app.openapi(resendInvitation, async (c) => {
    const { id } = c.req.valid('param')
    await users.mustGet(id)
    await assertMayManageUser(repos, c.get('principal'), id)
    // The body is optional: without one the invitation goes by the person's usual channel.
    const body = c.req.header('content-type')?.includes('json') ? c.req.valid('json') : {}
    const options = body.channel ? { channel: body.channel } : {}
    return c.json(await services.identity.invitations.send(id, actionContext(c), options), 200)
  })

  app.openapi(invitationLink, async (c) => {
    const { id } = c.req.valid('param')
    await users.mustGet(id)
    await assertMayManageUser(repos, c.get('principal'), id)
    const context = { ...actionContext(c), appId: c.get('principal').appId }
    const link = await createInvitationLink(services, id, context)
    // A secret in the answer: no cache may keep it.
    c.header('Cache-Control', 'no-store')
    return c.json(link, 201)
  })

  app.openapi(revokeInvitation, async (c) => {
    const { id } = c.req.valid('param')
    await users.mustGet(id)
    await assertMayManageUser(repos, c.get('principal'), id)
    return c.json(
      { revoked: await services.identity.invitations.revoke(id, actionContext(c)) },
      200,
    )
  })

  app.openapi(passwordReset, async (c) => {
    const { id } = c.req.valid('param')
    await users.mustGet(id)
    await assertMayManageUser(repos, c.get('principal'), id)
    await services.identity.passwordResets.send(id, actionContext(c))
    return c.json({ sent: true as const }, 202)
  })
}

export type InvitationOutcome =
  | { status: 'sent'; invitation: InvitationState }
  | { status: 'failed'; error: { code: string; message: string } }
  | { status: 'skipped' }

/**
 * Sends a new user's invitation. A failure here does not undo the user (they were created in
 * their own atomic write): it is reported, and the admin can resend. A database or state outage
 * is not the invitation's failure but the request's: it propagates, answered as 503
 * `dependency_unavailable` like any other call that meets it.
 */
export async function deliverInvitation(
  services: CoreServices,
  userId: string,
  context: ReturnType<typeof actionContext>,
): Promise<InvitationOutcome> {
  try {
    return { status: 'sent', invitation: await services.identity.invitations.send(userId, context) }
  } catch (err) {
    if (err instanceof DependencyError) throw err
    if (err instanceof ApiError)
      return { status: 'failed', error: { code: err.code, message: err.message } }
    services.log.error('invitation failed', {
      userId,
      error: err instanceof Error ? err.message : String(err),
    })
    return {
      status: 'failed',
      error: { code: 'internal_error', message: 'The invitation could not be sent.' },
    }
  }
}
