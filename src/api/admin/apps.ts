import type { OpenAPIHono } from '@hono/zod-openapi'
import * as z from 'zod'
import type { IdentityRepositories } from '../../modules/identity/index.ts'
import { identityError } from '../../modules/identity/index.ts'
import type { AppEnv } from '../../kernel/services.ts'
import { actorOf } from './context.ts'
import { adminResource } from './resource.ts'
import { appSchema, appWithSecret, createAppBody, updateAppBody } from './schemas-config.ts'
import { conflictError, guardedErrors, idParam, jsonResponse, notFoundError } from './schemas.ts'

const apps = adminResource({
  tag: 'Admin: apps',
  path: '/v1/admin/apps',
  targetType: 'app',
  actions: 'app',
  read: 'apps:read',
  write: 'apps:write',
  one: 'App',
  many: 'Apps',
})

const listApps = apps.list({
  summary: 'Registered client apps',
  schema: z.object({ items: z.array(appSchema) }),
  label: 'Apps',
})

const getApp = apps.get({ summary: 'A registered app', schema: appSchema, label: 'The app' })

const createApp = apps.create({
  summary: 'Register a client app of an installed type',
  description:
    'Confidential types (e.g. `api-only`) get a client secret, returned only in this answer. ' +
    '`signInMethods` default to the type’s defaults; redirect URIs must pass the type’s rules.',
  body: createAppBody,
  schema: appWithSecret,
  conflict: '`app_id_taken`',
})

const updateApp = apps.update({
  summary: 'Edit an app (its type is fixed); `policy` and `settings` replace the stored ones',
  body: updateAppBody,
  schema: appSchema,
  label: 'The app',
  conflict: '`self_action_forbidden`: disabling the app of your own session',
})

const rotateSecret = apps.route('post', '/{id}/secret', 'write', 'rotate_secret', {
  operationId: 'adminRotateAppSecret',
  summary: 'Issue a new client secret (the old one stops working at once)',
  request: { params: idParam },
  responses: {
    200: jsonResponse(z.object({ clientSecret: z.string() }), 'Shown once'),
    ...guardedErrors,
    ...notFoundError,
    ...conflictError('`app_not_confidential`'),
  },
})

const deleteApp = apps.remove({
  summary: 'Delete an app and its sessions',
  conflict: '`self_action_forbidden`: the app of your own session',
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
