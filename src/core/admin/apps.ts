import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import type { IdentityRepositories } from '../identity/repositories/index.ts'
import { identityError } from '../identity/repositories/errors.ts'
import type { AppEnv } from '../services.ts'
import { actorOf, adminRoute } from './context.ts'
import { appSchema, appWithSecret, createAppBody, updateAppBody } from './schemas-config.ts'
import {
  conflictError,
  guardedErrors,
  idParam,
  jsonBody,
  jsonResponse,
  noContent,
  notFoundError,
} from './schemas.ts'

const base = { tags: ['Admin: apps'], security: [{ bearerAuth: [] }] }
const guard = (permission: 'apps:read' | 'apps:write', action: string, targetParam?: string) =>
  adminRoute({ permission, action, targetType: 'app', ...(targetParam ? { targetParam } : {}) })

const listApps = createRoute({
  ...base,
  method: 'get',
  path: '/v1/admin/apps',
  summary: 'Registered client apps',
  middleware: [guard('apps:read', 'app.list')],
  responses: {
    200: jsonResponse(z.object({ items: z.array(appSchema) }), 'Apps'),
    ...guardedErrors,
  },
})

const getApp = createRoute({
  ...base,
  method: 'get',
  path: '/v1/admin/apps/{id}',
  summary: 'A registered app',
  middleware: [guard('apps:read', 'app.get', 'id')],
  request: { params: idParam },
  responses: { 200: jsonResponse(appSchema, 'The app'), ...guardedErrors, ...notFoundError },
})

const createApp = createRoute({
  ...base,
  method: 'post',
  path: '/v1/admin/apps',
  summary: 'Register a client app of an installed type',
  description:
    'Confidential types (e.g. `api-only`) get a client secret, returned only in this answer. ' +
    '`signInMethods` default to the type’s defaults; redirect URIs must pass the type’s rules.',
  middleware: [guard('apps:write', 'app.create')],
  request: { body: jsonBody(createAppBody) },
  responses: {
    201: jsonResponse(appWithSecret, 'Created'),
    ...guardedErrors,
    ...conflictError('`app_id_taken`'),
  },
})

const updateApp = createRoute({
  ...base,
  method: 'patch',
  path: '/v1/admin/apps/{id}',
  summary: 'Edit an app (its type is fixed); `policy` and `settings` replace the stored ones',
  middleware: [guard('apps:write', 'app.update', 'id')],
  request: { params: idParam, body: jsonBody(updateAppBody) },
  responses: {
    200: jsonResponse(appSchema, 'The app'),
    ...guardedErrors,
    ...notFoundError,
    ...conflictError('`self_action_forbidden`: disabling the app of your own session'),
  },
})

const rotateSecret = createRoute({
  ...base,
  method: 'post',
  path: '/v1/admin/apps/{id}/secret',
  summary: 'Issue a new client secret (the old one stops working at once)',
  middleware: [guard('apps:write', 'app.rotate_secret', 'id')],
  request: { params: idParam },
  responses: {
    200: jsonResponse(z.object({ clientSecret: z.string() }), 'Shown once'),
    ...guardedErrors,
    ...notFoundError,
    ...conflictError('`app_not_confidential`'),
  },
})

const deleteApp = createRoute({
  ...base,
  method: 'delete',
  path: '/v1/admin/apps/{id}',
  summary: 'Delete an app and its sessions',
  middleware: [guard('apps:write', 'app.delete', 'id')],
  request: { params: idParam },
  responses: {
    ...noContent,
    ...guardedErrors,
    ...notFoundError,
    ...conflictError('`self_action_forbidden`: the app of your own session'),
  },
})

export function mountAppRoutes(app: OpenAPIHono<AppEnv>, repos: IdentityRepositories) {
  const { apps } = repos
  // An admin cutting off the console they are using would lock themselves (and maybe all) out.
  const notOwnApp = (callerAppId: string, id: string) => {
    if (callerAppId === id) throw identityError('self_action_forbidden')
  }

  app.openapi(listApps, async (c) => c.json({ items: await apps.list() }, 200))
  app.openapi(getApp, async (c) => c.json(await apps.mustGet(c.req.valid('param').id), 200))
  app.openapi(createApp, async (c) => {
    const { app: created, secret } = await apps.create(c.req.valid('json'), actorOf(c))
    return c.json({ app: created, clientSecret: secret }, 201)
  })
  app.openapi(updateApp, async (c) => {
    const { id } = c.req.valid('param')
    const patch = c.req.valid('json')
    if (patch.enabled === false) notOwnApp(c.get('principal').appId, id)
    return c.json(await apps.update(id, patch, actorOf(c)), 200)
  })
  app.openapi(rotateSecret, async (c) =>
    c.json({ clientSecret: await apps.rotateSecret(c.req.valid('param').id, actorOf(c)) }, 200),
  )
  app.openapi(deleteApp, async (c) => {
    const { id } = c.req.valid('param')
    notOwnApp(c.get('principal').appId, id)
    await apps.delete(id, actorOf(c))
    return c.body(null, 204)
  })
}
