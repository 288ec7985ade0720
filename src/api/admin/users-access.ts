/**
 * A person's effective access (R7): the apps they can enter, worked out the way sign-in does it
 * (session-service: a role of theirs grants the app's type), so admins see the answer instead of
 * reasoning from roles to app types to apps themselves.
 */
import type { OpenAPIHono } from '@hono/zod-openapi'
import * as z from 'zod'
import type { IdentityRepositories } from '../../modules/identity/index.ts'
import type { AppEnv } from '../../kernel/services.ts'
import { guardedErrors, idParam, jsonResponse, notFoundError } from './schemas.ts'
import { userResource } from './user-actions.ts'

const accessApp = z
  .object({
    id: z.string().openapi({ description: 'The client id', example: 'engineer-android' }),
    name: z.string(),
    type: z.string().openapi({ example: 'engineer-mobile' }),
    enabled: z.boolean().openapi({ description: 'A disabled app refuses every sign-in' }),
    viaRoleIds: z.array(z.string()).openapi({ description: 'The roles that grant its type' }),
  })
  .openapi('AccessApp')

export const accessSchema = z
  .object({
    canSignIn: z
      .boolean()
      .openapi({ description: 'Whether the person’s status lets them sign in now (active)' }),
    appTypes: z
      .array(z.object({ id: z.string(), viaRoleIds: z.array(z.string()) }))
      .openapi({ description: 'App types their roles grant, with or without apps of them' }),
    apps: z.array(accessApp),
  })
  .openapi('UserAccess')

const getAccess = userResource.route('get', '/{id}/access', 'read', 'access', {
  operationId: 'adminGetUserAccess',
  summary: 'The apps a person can enter: their roles’ app types and the apps of those types',
  request: { params: idParam },
  responses: {
    200: jsonResponse(accessSchema, 'Effective access'),
    ...guardedErrors,
    ...notFoundError,
  },
})

export function mountUserAccessRoutes(app: OpenAPIHono<AppEnv>, repos: IdentityRepositories) {
  app.openapi(getAccess, async (c) => {
    const user = await repos.users.mustGet(c.req.valid('param').id)
    const [roles, apps] = await Promise.all([repos.roles.byIds(user.roleIds), repos.apps.list()])
    const grants = new Map<string, string[]>()
    for (const role of roles) {
      for (const type of role.appTypes) grants.set(type, [...(grants.get(type) ?? []), role.id])
    }
    return c.json(
      {
        canSignIn: user.status === 'active',
        appTypes: [...grants].map(([id, viaRoleIds]) => ({ id, viaRoleIds })),
        apps: apps
          .filter((a) => grants.has(a.type))
          .map((a) => ({
            id: a.id,
            name: a.name,
            type: a.type,
            enabled: a.enabled,
            viaRoleIds: grants.get(a.type) ?? [],
          })),
      },
      200,
    )
  })
}
