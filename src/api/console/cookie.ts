import type { Context, MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { base64UrlDecode } from '../../kernel/crypto.ts'
import { coreError } from '../../kernel/errors.ts'
import type { AppEnv } from '../../kernel/services.ts'

export { consoleClientId } from '../../modules/clients/index.ts'

/** The refresh token cookie: sent only to /v1/console/*, never readable by scripts. */
export const consoleCookieName = 'propusk_console'
export const consoleCookiePath = '/v1/console'

/** The header every console session call carries (see `requireConsoleHeader`). */
export const consoleHeaderName = 'X-Propusk-Console'

function isHttps(c: Context<AppEnv>): boolean {
  const services = c.get('services')
  return (
    services.config.PUBLIC_URL.startsWith('https://') ||
    new URL(c.req.url).protocol === 'https:' ||
    c.req.header('x-forwarded-proto') === 'https'
  )
}

export function readRefreshCookie(c: Context<AppEnv>): string | undefined {
  return getCookie(c, consoleCookieName) || undefined
}

export function writeRefreshCookie(c: Context<AppEnv>, token: string, maxAgeSeconds: number) {
  setCookie(c, consoleCookieName, token, {
    path: consoleCookiePath,
    httpOnly: true,
    // Browsers refuse Secure cookies over plain http (except on localhost); a local install on
    // http://127.0.0.1 still gets HttpOnly + SameSite=Strict.
    secure: isHttps(c),
    sameSite: 'Strict',
    maxAge: Math.max(0, Math.floor(maxAgeSeconds)),
  })
}

export function clearRefreshCookie(c: Context<AppEnv>) {
  deleteCookie(c, consoleCookieName, { path: consoleCookiePath, secure: isHttps(c) })
}

/**
 * CSRF defence for the cookie-authenticated console endpoints. SameSite=Strict already keeps the
 * cookie off cross-site requests; on top, a custom header cannot be sent cross-origin without a
 * CORS preflight (which the allowlist refuses), and a present `Origin` must be this server's.
 */
export function requireConsoleHeader(): MiddlewareHandler<AppEnv> {
  return async function consoleHeaderMiddleware(c, next) {
    if (c.req.header(consoleHeaderName) !== '1') {
      throw coreError('forbidden', `Console session calls need the header ${consoleHeaderName}: 1.`)
    }
    const origin = c.req.header('origin')
    if (origin) {
      const allowed = new Set([
        new URL(c.req.url).origin,
        new URL(c.get('services').config.PUBLIC_URL).origin,
      ])
      if (!allowed.has(origin)) {
        throw coreError('forbidden', 'Console session calls are accepted from this origin only.')
      }
    }
    await next()
  }
}

/** The `sub` of an access token this server has just issued (no verification needed). */
export function subjectOf(accessToken: string): string | null {
  const payload = accessToken.split('.')[1]
  if (!payload) return null
  try {
    const json = new TextDecoder().decode(base64UrlDecode(payload))
    const claims = JSON.parse(json) as { sub?: unknown }
    return typeof claims.sub === 'string' ? claims.sub : null
  } catch {
    return null
  }
}
