/**
 * Blocking and unblocking a person. A block may carry a reason (for other admins and the audit
 * log, never shown to the person) and an end: after it the person's next sign-in finds them
 * unblocked (see the user directory), so no timer has to run anywhere.
 */
import type { OpenAPIHono } from '@hono/zod-openapi'
import * as z from 'zod'
import type { IdentityRepositories } from '../../modules/identity/index.ts'
import { identityError, invalidFields } from '../../modules/identity/index.ts'
import type { AppEnv, CoreServices } from '../../kernel/services.ts'
import { actorOf } from './context.ts'
import { assertMayManageUser } from './grants.ts'
import {
  blockResponse,
  conflictError,
  guardedErrors,
  idParam,
  jsonResponse,
  notFoundError,
} from './schemas.ts'
import { userResource } from './user-actions.ts'

export const blockBody = z
  .object({
    reason: z
      .string()
      .trim()
      .max(500)
      .nullish()
      .openapi({ description: 'Why; shown to admins and kept in the audit log' }),
    until: z.iso
      .datetime({ offset: true })
      .transform((value) => new Date(value).toISOString())
      .nullish()
      .openapi({
        description: 'When the block ends by itself (in the future); absent: until unblocked',
        example: '2026-04-01T00:00:00Z',
      }),
  })
  .strict()
  .openapi('BlockUser')

export type BlockBody = z.infer<typeof blockBody>

const blockUser = userResource.route('post', '/{id}/block', 'write', 'block', {
  operationId: 'adminBlockUser',
  summary: 'Block a user (optionally with a reason and an end) and end all their sessions',
  description:
    'Blocking a blocked user again replaces the reason and the end. After `until` the ' +
    'person’s next sign-in finds them unblocked (audited as a system `user.unblock`).',
  request: {
    params: idParam,
    body: { required: false, content: { 'application/json': { schema: blockBody } } },
  },
  responses: {
    200: jsonResponse(blockResponse, 'The user'),
    ...guardedErrors,
    ...notFoundError,
    ...conflictError('`self_action_forbidden` or `last_administrator`'),
  },
})

const unblockUser = userResource.route('post', '/{id}/unblock', 'write', 'unblock', {
  operationId: 'adminUnblockUser',
  summary: 'Unblock a user',
  request: { params: idParam },
  responses: {
    200: jsonResponse(blockResponse, 'The user'),
    ...guardedErrors,
    ...notFoundError,
    ...conflictError('`self_action_forbidden`'),
  },
})

/** 400 unless `until` is in the future: a block that has already ended is a mistake. */
export function assertBlockEnd(services: CoreServices, body: BlockBody | undefined): void {
  if (body?.until && Date.parse(body.until) <= services.now().getTime()) {
    throw invalidFields([{ field: 'until', message: 'must be in the future' }])
  }
}

export function mountUserStatusRoutes(
  app: OpenAPIHono<AppEnv>,
  services: CoreServices,
  repos: IdentityRepositories,
) {
  const { users } = repos

  app.openapi(blockUser, async (c) => {
    const { id } = c.req.valid('param')
    // The body is optional: without one (or without a JSON content type) it is a plain block.
    const body = c.req.header('content-type')?.includes('json') ? c.req.valid('json') : undefined
    if (c.get('principal').userId === id) throw identityError('self_action_forbidden')
    assertBlockEnd(services, body)
    await assertMayManageUser(repos, c.get('principal'), id)
    return c.json(await users.block(id, actorOf(c), body ?? {}), 200)
  })

  app.openapi(unblockUser, async (c) => {
    const { id } = c.req.valid('param')
    await assertMayManageUser(repos, c.get('principal'), id)
    const user = await users.unblock(id, actorOf(c))
    return c.json({ user, sessionsEnded: 0 }, 200)
  })
}
