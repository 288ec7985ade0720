/**
 * Bulk actions on selected people: block, resend the invitation, assign a role. One request
 * per action with the ids; each person goes through exactly the checks and audit of the single
 * action, and gets a result of their own, so one refusal (say, a person who outranks the admin)
 * does not stop the rest.
 */
import type { OpenAPIHono } from '@hono/zod-openapi'
import * as z from 'zod'
import { ApiError } from '../../kernel/errors.ts'
import type { IdentityRepositories } from '../../modules/identity/index.ts'
import { identityError, actorEntry } from '../../modules/identity/index.ts'
import type { AppEnv, CoreServices } from '../../kernel/services.ts'
import { actionContext, actorOf } from './context.ts'
import { assertMayChangeRoles, assertMayManageUser } from './grants.ts'
import { guardedErrors, jsonBody, jsonResponse } from './schemas.ts'
import { userResource } from './user-actions.ts'
import { assertBlockEnd, blockBody } from './users-status.ts'

const userIds = z
  .array(z.string().min(1).max(100))
  .min(1)
  .max(200)
  .openapi({ description: 'At most 200 people; repeats are done once' })

export const bulkBody = z
  .discriminatedUnion('action', [
    z
      .object({ action: z.literal('block'), userIds })
      .extend(blockBody.shape)
      .strict(),
    z
      .object({
        action: z.literal('resend_invitation'),
        userIds,
        channel: z.enum(['sms', 'email']).optional(),
      })
      .strict(),
    z
      .object({ action: z.literal('assign_role'), userIds, roleId: z.string().min(1).max(100) })
      .strict(),
  ])
  .openapi('BulkUserAction')

export const bulkResult = z
  .object({
    userId: z.string(),
    status: z.enum(['done', 'failed']),
    code: z.string().optional().openapi({ description: 'The error code of a failed row' }),
    message: z.string().optional(),
  })
  .openapi('BulkUserResult')

const bulkRoute = userResource.route('post', '/bulk', 'write', 'bulk', {
  operationId: 'adminBulkUserAction',
  summary: 'Block, resend invitations to, or assign a role to many people at once',
  description:
    'Each person gets the checks and audit of the single action, and a result of their own ' +
    '(`failed` with the code the single action would answer, e.g. `target_outranks_you`, ' +
    '`user_not_invited`, `self_action_forbidden`, `not_found`).',
  request: { body: jsonBody(bulkBody) },
  responses: {
    200: jsonResponse(
      z.object({ done: z.number().int(), failed: z.number().int(), results: z.array(bulkResult) }),
      'Per-person results, in the order given',
    ),
    ...guardedErrors,
  },
})

type BulkBody = z.infer<typeof bulkBody>

/** The audit action of each bulk action's single twin. */
const auditAction: Record<BulkBody['action'], string> = {
  block: 'user.block',
  resend_invitation: 'user.invitation_send',
  assign_role: 'user.update',
}

export function mountUserBulkRoutes(
  app: OpenAPIHono<AppEnv>,
  services: CoreServices,
  repos: IdentityRepositories,
) {
  const { users } = repos

  app.openapi(bulkRoute, async (c) => {
    const body = c.req.valid('json')
    const principal = c.get('principal')
    if (body.action === 'block') assertBlockEnd(services, body)
    if (body.action === 'assign_role') await users.checkRoles([body.roleId])

    async function one(id: string, action: BulkBody): Promise<void> {
      const user = await users.mustGet(id)
      await assertMayManageUser(repos, principal, id)
      if (action.action === 'block') {
        if (principal.userId === id) throw identityError('self_action_forbidden')
        await users.block(id, actorOf(c), action)
      } else if (action.action === 'resend_invitation') {
        const options = action.channel ? { channel: action.channel } : {}
        await services.identity.invitations.send(id, actionContext(c), options)
      } else if (!user.roleIds.includes(action.roleId)) {
        const roleIds = [...user.roleIds, action.roleId]
        await assertMayChangeRoles(repos, principal, user.roleIds, roleIds)
        await users.update(id, { roleIds }, actorOf(c))
      }
    }

    // One after another: each write takes the administrator guard, and a bulk action is rare.
    const results: z.infer<typeof bulkResult>[] = []
    for (const id of new Set(body.userIds)) {
      try {
        await one(id, body)
        results.push({ userId: id, status: 'done' })
      } catch (err) {
        if (!(err instanceof ApiError) || err.status >= 500) throw err
        results.push({ userId: id, status: 'failed', code: err.code, message: err.message })
        // As the single action's guard would: a refused row is a failure in the audit log.
        const details = { status: err.status, code: err.code, bulk: true }
        const target = { type: 'user', id }
        await repos.audit.insert(
          actorEntry(actorOf(c), auditAction[body.action], target, details, 'failure'),
        )
      }
    }
    const done = results.filter((r) => r.status === 'done').length
    return c.json({ done, failed: results.length - done, results }, 200)
  })
}
