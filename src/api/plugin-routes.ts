/**
 * What a plugin's routes repeat, said once: a JSON POST route's declaration, the audit record of
 * the request at hand, and the sign-in of a person a method has just proven.
 */
import { createRoute } from '@hono/zod-openapi'
import type { Context, MiddlewareHandler } from 'hono'
import * as z from 'zod'
import { access, errorResponse, jsonResponse } from '../kernel/http/api-docs.ts'
import type { AppEnv, CoreServices } from '../kernel/services.ts'
import { presentedClientSecret, tokenError } from '../modules/clients/index.ts'
import type { App, AuditEntry, User } from '../modules/identity/index.ts'
import { assertClientSecret } from '../modules/sessions/index.ts'
import { requireAuth } from './auth.ts'
import { toTokenResponse } from './token-schemas.ts'

export interface PostRouteSpec<Body extends z.ZodType, Result extends z.ZodType> {
  path: string
  operationId: string
  summary: string
  tags: string[]
  /** The JSON body; optional in the document when the schema accepts no body at all. */
  body: Body
  /** The 200 answer. */
  result: Result
  /**
   * Who may call: `requireAuth(…)` (the default is any signed-in person), or `'client'` for a
   * sign-in, where a confidential app may send its secret as HTTP Basic.
   */
  auth?: MiddlewareHandler<AppEnv> | 'client'
  /** The error answers by status, each naming its codes. */
  errors: Partial<Record<400 | 401 | 403 | 404 | 409 | 429, string>>
}

/** A JSON POST route for `router.openapi`, signed-in unless `auth` says otherwise. */
export function postRoute<Body extends z.ZodType, Result extends z.ZodType>(
  spec: PostRouteSpec<Body, Result>,
) {
  const auth = spec.auth ?? requireAuth()
  const errors = Object.entries(spec.errors).map(([status, text]) => [status, errorResponse(text)])
  return createRoute({
    method: 'post',
    path: spec.path,
    operationId: spec.operationId,
    summary: spec.summary,
    tags: spec.tags,
    security: auth === 'client' ? access.optionalClientBasic : access.bearer,
    middleware: auth === 'client' ? [] : [auth],
    request: {
      body: {
        required: !spec.body.safeParse(undefined).success,
        content: { 'application/json': { schema: spec.body } },
      },
    },
    responses: {
      200: jsonResponse('Done', spec.result),
      ...(Object.fromEntries(errors) as Record<string, ReturnType<typeof errorResponse>>),
    },
  })
}

/** What `recordAudit` fills in itself unless given. */
type Filled = 'actorType' | 'actorId' | 'appId' | 'ip' | 'requestId'

/**
 * Records `entry` for this request: its IP and request id, and the signed-in caller as the actor
 * (anonymous on a public route) and their app, unless `entry` names others.
 */
export function recordAudit(
  c: Context<AppEnv>,
  entry: Omit<AuditEntry, Filled> & Partial<Pick<AuditEntry, Filled>>,
): Promise<void> {
  // Unset on a public route: the auth middleware never ran.
  const principal = c.get('principal') as AppEnv['Variables']['principal'] | undefined
  const given = Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined))
  return c.get('services').identity.audit.record({
    actorType: principal ? 'user' : 'anonymous',
    actorId: principal?.userId ?? null,
    appId: principal?.appId ?? null,
    ip: c.get('clientIp'),
    requestId: c.get('requestId'),
    ...(given as typeof entry),
  })
}

/** The app and device fields of a sign-in body: `z.object({ login, code, ...signInClientFields })`. */
export const signInClientFields = {
  clientId: z
    .string()
    .min(1)
    .max(200)
    .openapi({ description: 'The client id of the app signing in' }),
  clientSecret: z
    .string()
    .min(1)
    .max(500)
    .optional()
    .openapi({
      description:
        'Confidential apps (e.g. `api-only`) only: the app secret. HTTP Basic ' +
        '(`Authorization: Basic base64(clientId:secret)`) works too, as at `/v1/token`.',
    }),
  deviceLabel: z
    .string()
    .trim()
    .max(200)
    .optional()
    .openapi({ description: 'Shown in session lists, e.g. "Pixel 8"' }),
}

/** A sign-in request's client and device fields (`signInClientFields`). */
export interface SignInClient {
  clientId: string
  /** A confidential app's secret, when sent in the body rather than as HTTP Basic. */
  clientSecret?: string | null | undefined
  deviceLabel?: string | null | undefined
}

/**
 * Signs in the person `prove` proves, and answers with the tokens. The app is read first
 * (`app_not_found`) and the client checked by the one client rule (`invalid_client`) BEFORE
 * `prove` runs, so a request without a confidential app's secret cannot use up a person's code.
 * `prove` gets the app and returns the person, or throws (e.g. `signInFailed`); the session
 * service then checks the person, the app, the method and the roles, as for every method.
 */
export async function signInProven(
  c: Context<AppEnv>,
  ctx: CoreServices & { pluginId: string },
  request: SignInClient,
  prove: (app: App) => Promise<User | Pick<User, 'id'>>,
) {
  const app = await ctx.identity.apps.get(request.clientId)
  if (!app) throw tokenError('app_not_found')
  const authorization = c.req.header('authorization')
  const client = presentedClientSecret(app.id, request.clientSecret, authorization)
  if (!client.ok) throw tokenError('invalid_client')
  await assertClientSecret(ctx, app, client.secret)
  const user = await prove(app)
  const tokens = await ctx.identity.sessions.signIn({
    user,
    app,
    method: ctx.pluginId,
    ip: c.get('clientIp'),
    userAgent: c.req.header('user-agent') ?? null,
    deviceLabel: request.deviceLabel ?? null,
    requestId: c.get('requestId'),
    clientSecret: client.secret,
  })
  return c.json(toTokenResponse(tokens), 200)
}
