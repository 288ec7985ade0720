/**
 * The two browser cookies of the authorization server, both HttpOnly, SameSite=Lax (they must
 * come along on the top-level GET back from an RP), Secure when PUBLIC_URL is https:
 * - the SSO session: names a random id whose session lives in the state store;
 * - the pre-auth cookie: binds a pending authorization request (and its CSRF token) to the
 *   browser that started it.
 */
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { AppEnv } from '../../kernel/services.ts'
import { ssoTtlMs } from '../../modules/oidc/index.ts'

const ssoCookie = 'propusk_sso'
const preAuthCookie = 'propusk_preauth'

const secure = (c: Context<AppEnv>) => c.get('services').config.PUBLIC_URL.startsWith('https://')

const options = (c: Context<AppEnv>, maxAgeMs?: number) => ({
  path: '/',
  httpOnly: true,
  secure: secure(c),
  sameSite: 'Lax' as const,
  ...(maxAgeMs ? { maxAge: Math.floor(maxAgeMs / 1000) } : {}),
})

export const readSsoCookie = (c: Context<AppEnv>) => getCookie(c, ssoCookie) ?? null
export const writeSsoCookie = (c: Context<AppEnv>, id: string) =>
  setCookie(c, ssoCookie, id, options(c, ssoTtlMs))
export const clearSsoCookie = (c: Context<AppEnv>) =>
  deleteCookie(c, ssoCookie, { path: '/', secure: secure(c) })

export const readPreAuthCookie = (c: Context<AppEnv>) => getCookie(c, preAuthCookie) ?? null
export const writePreAuthCookie = (c: Context<AppEnv>, id: string) =>
  setCookie(c, preAuthCookie, id, options(c))

/** The redirect back to the client: parameters added to its URI, and `iss` (RFC 9207). */
export function clientRedirect(
  redirectUri: string,
  issuer: string,
  params: Record<string, string | null>,
): string {
  const url = new URL(redirectUri)
  for (const [name, value] of Object.entries(params)) {
    if (value !== null) url.searchParams.set(name, value)
  }
  url.searchParams.set('iss', issuer)
  return url.toString()
}
