import type { Context, MiddlewareHandler } from 'hono'
import { ApiError } from '../../kernel/errors.ts'
import type { Permission } from '../../modules/identity/index.ts'
import { actorEntry, type Actor } from '../../modules/identity/index.ts'
import type { AppEnv } from '../../kernel/services.ts'
import { requireAuth } from '../auth.ts'

/** The admin acting, for audit entries and the services' ActionContext. */
export function actorOf(c: Context<AppEnv>): Actor {
  const principal = c.get('principal')
  return {
    actorType: 'user',
    actorId: principal.userId,
    ip: c.get('clientIp'),
    requestId: c.get('requestId'),
    appId: principal.appId,
  }
}

export const actionContext = (c: Context<AppEnv>) => ({
  actorId: c.get('principal').userId,
  ip: c.get('clientIp'),
  requestId: c.get('requestId'),
})

export interface AdminAction {
  permission: Permission
  /** Audit action name, e.g. `user.update`. */
  action: string
  targetType: string
  /** Path parameter naming the target. */
  targetParam?: string
}

const adminOnly = ['admin-console']

/**
 * Guards an admin route (admin-console token with `permission`) and audits what the handler
 * does not: refusals (`denied`, with the caller when the token itself was fine) and failed
 * attempts (`failure`, with the error code). Successful writes are audited by the repositories
 * in the same batch as the change.
 */
export function adminRoute(spec: AdminAction): MiddlewareHandler<AppEnv> {
  const guard = requireAuth({ appTypes: adminOnly, permission: spec.permission })
  return async function adminRouteMiddleware(c, next) {
    let passed = false
    try {
      await guard(c, async () => {
        passed = true
        await next()
      })
    } catch (err) {
      if (!passed && err instanceof ApiError && err.code === 'forbidden')
        await recordDenied(c, spec, err)
      throw err
    }
    const status = c.res.status
    if (passed && status >= 400 && status < 500 && c.req.method !== 'GET') {
      const code =
        c.error instanceof ApiError
          ? c.error.code
          : status === 400
            ? 'validation_failed'
            : String(status)
      await c
        .get('services')
        .identity.audit.record(
          actorEntry(actorOf(c), spec.action, target(c, spec), { status, code }, 'failure'),
        )
    }
  }
}

function target(c: Context<AppEnv>, spec: AdminAction) {
  return {
    type: spec.targetType,
    id: spec.targetParam ? (c.req.param(spec.targetParam) ?? null) : null,
  }
}

/** A valid token without the right: identify the caller (token checks only) and audit. */
async function recordDenied(c: Context<AppEnv>, spec: AdminAction, err: ApiError) {
  let caller: Actor | null = null
  try {
    await requireAuth()(c, async () => {
      caller = actorOf(c)
    })
  } catch {
    return
  }
  if (!caller) return
  await c
    .get('services')
    .identity.audit.record(
      actorEntry(
        caller,
        spec.action,
        target(c, spec),
        { permission: spec.permission, reason: err.message },
        'denied',
      ),
    )
}
