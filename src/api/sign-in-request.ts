/**
 * What a sign-in route (a code method's verify, the first sign-in's complete-registration) reads
 * from its request before calling a module, which takes these as values.
 */
import type { Context } from 'hono'
import type { AppEnv } from '../kernel/services.ts'
import { presentedClientSecret, tokenError } from '../modules/clients/index.ts'
import type { OtpRequestContext } from '../modules/otp/index.ts'

/** The client secret from the body or HTTP Basic; a Basic header for another client is refused. */
export function presentedSecret(
  c: Context<AppEnv>,
  clientId: string,
  bodySecret: string | undefined,
): string | null {
  const presented = presentedClientSecret(clientId, bodySecret, c.req.header('authorization'))
  if (!presented.ok) throw tokenError('invalid_client')
  return presented.secret
}

/** Who is calling: for rate limits, the audit log and the session's device line. */
export function signInRequestContext(c: Context<AppEnv>): OtpRequestContext {
  return {
    ip: c.get('clientIp'),
    userAgent: c.req.header('user-agent') ?? null,
    requestId: c.get('requestId') ?? null,
    acceptLanguage: c.req.header('accept-language') ?? null,
  }
}
