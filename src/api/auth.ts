import type { Context, MiddlewareHandler } from 'hono'
import { coreError } from '../kernel/errors.ts'
import type { Principal, Permission } from '../modules/identity/index.ts'
import type { AppEnv } from '../kernel/services.ts'
import { verifyAccessToken, keysFor, sessionAuthState } from '../modules/sessions/index.ts'

export interface RequireAuthOptions {
  /** Client app types whose tokens may call the route, e.g. `['admin-console']`. */
  appTypes?: string[]
  /** A permission one of the caller's current roles must hold. */
  permission?: Permission
}

const bearer = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i

function unauthorized(c: Context<AppEnv>, message: string, error = 'invalid_token') {
  // RFC 6750 §3: tell clients why, so they know to refresh or sign in again.
  c.header('WWW-Authenticate', `Bearer error="${error}"`)
  return coreError('unauthorized', message)
}

/**
 * Verifies the bearer access token and sets `principal` (and `auth`, what was read for it).
 * Besides the JWT itself it reads the session, user, app and roles in one statement per request, so revoking a session or blocking a user takes effect at once,
 * and permissions come from the user's roles as they are now, not as they were at sign-in.
 */
export function requireAuth(options: RequireAuthOptions = {}): MiddlewareHandler<AppEnv> {
  return async function requireAuthMiddleware(c, next) {
    const core = c.get('services')
    const match = bearer.exec(c.req.header('authorization') ?? '')
    if (!match?.[1]) {
      c.header('WWW-Authenticate', 'Bearer')
      throw coreError('unauthorized', 'Send an access token: Authorization: Bearer <token>.')
    }
    const now = core.now()
    let claims
    try {
      claims = await verifyAccessToken(await keysFor(core), match[1], {
        issuer: core.config.PUBLIC_URL,
        now,
      })
    } catch (error) {
      c.get('log').debug('access token refused', { reason: (error as Error).message })
      throw unauthorized(c, 'The access token is invalid or expired.')
    }
    const state = await sessionAuthState(core.sql, claims.sid)
    const nowIso = now.toISOString()
    if (
      !state ||
      state.session.userId !== claims.sub ||
      state.session.appId !== claims.aud ||
      state.session.revokedAt ||
      nowIso >= state.session.expiresAt ||
      nowIso >= state.session.idleExpiresAt ||
      state.user.status !== 'active'
    ) {
      throw unauthorized(c, 'This session has ended: sign in again.')
    }
    const permissions = [...new Set(state.roles.flatMap((role) => role.permissions))]
    const principal: Principal = {
      userId: claims.sub,
      sessionId: claims.sid,
      appId: claims.aud,
      appType: claims.app_type,
      roleIds: state.roles.map((role) => role.id),
      permissions,
    }
    if (options.appTypes && !options.appTypes.includes(principal.appType)) {
      throw coreError(
        'forbidden',
        `Only tokens of ${options.appTypes.join(', ')} apps may call this.`,
        {
          appTypes: options.appTypes,
        },
      )
    }
    if (options.permission && !permissions.includes(options.permission)) {
      throw coreError('forbidden', `This needs the permission ${options.permission}.`, {
        permission: options.permission,
      })
    }
    c.set('principal', principal)
    c.set('auth', state)
    await next()
  }
}
