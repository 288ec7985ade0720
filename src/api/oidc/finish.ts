/**
 * The end of a successful authorization: the person is signed in (an app session opened by
 * `sessions.signIn`), so a code is issued and the browser goes back to the client.
 */
import type { Context } from 'hono'
import { ApiError } from '../../kernel/errors.ts'
import type { App, TokenSet, User } from '../../modules/identity/index.ts'
import type { AppEnv, CoreServices } from '../../kernel/services.ts'
import { amrOf } from '../../modules/oidc/index.ts'
import { clientRedirect, readSsoCookie, writeSsoCookie } from './browser.ts'
import { dropClientTicket, mintClientTicket } from '../../modules/sessions/index.ts'
import {
  endSso,
  issueCode,
  openSso,
  type PendingRequest,
  type SsoSession,
} from '../../modules/oidc/index.ts'

export interface SignedIn {
  userId: string
  method: string
  tokens: TokenSet
  /** Set when an existing SSO session was reused (no new proof, same auth_time and amr). */
  sso?: SsoSession
}

/** Issues the code for a signed-in person and answers with the client redirect URL. */
export async function finishAuthorization(
  c: Context<AppEnv>,
  request: PendingRequest,
  signedIn: SignedIn,
): Promise<string> {
  const core = c.get('services')
  let sso = signedIn.sso
  if (!sso) {
    sso = {
      userId: signedIn.userId,
      authTime: Math.floor(core.now().getTime() / 1000),
      amr: amrOf(signedIn.method),
      method: signedIn.method,
    }
    // A new proof replaces whatever SSO session this browser had (maybe someone else's).
    const previous = readSsoCookie(c)
    if (previous) await endSso(core.state, previous)
    writeSsoCookie(c, await openSso(core.state, sso))
  }
  const { tokens } = signedIn
  const code = await issueCode(core.state, {
    clientId: request.clientId,
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
    nonce: request.nonce,
    scope: request.scope,
    userId: sso.userId,
    authTime: sso.authTime,
    amr: sso.amr,
    sessionId: tokens.sessionId,
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    accessExpiresAt: core.now().getTime() + tokens.expiresIn * 1000,
  })
  return clientRedirect(request.redirectUri, core.config.PUBLIC_URL, {
    code,
    state: request.state,
  })
}

/** The client redirect for an error (RFC 6749 §4.1.2.1), `iss` included. */
export function errorRedirect(
  core: CoreServices,
  request: Pick<PendingRequest, 'redirectUri' | 'state'>,
  error: string,
  description: string,
): string {
  return clientRedirect(request.redirectUri, core.config.PUBLIC_URL, {
    error,
    error_description: description,
    state: request.state,
  })
}

/**
 * Signs the person of a live SSO session in to this app through `sessions.signIn` (the same
 * rules as any sign-in, R7 included) with the client's authentication deferred to the token
 * endpoint. Null when the session cannot serve this app by itself (the method is not one the
 * app allows, the account changed): the person signs in again.
 */
export async function signInFromSso(
  c: Context<AppEnv>,
  app: App,
  user: User,
  sso: SsoSession,
): Promise<SignedIn | 'access_denied' | null> {
  const core = c.get('services')
  const ticket = await mintClientTicket(core.state, app.id)
  try {
    const tokens = await core.identity.sessions.signIn({
      user,
      app,
      method: sso.method,
      ip: c.get('clientIp'),
      userAgent: c.req.header('user-agent') ?? null,
      requestId: c.get('requestId'),
      clientSecret: ticket,
    })
    return { userId: user.id, method: sso.method, tokens, sso }
  } catch (error) {
    if (error instanceof ApiError && error.code === 'app_access_denied') return 'access_denied'
    if (error instanceof ApiError && error.status < 500) return null
    throw error
  } finally {
    await dropClientTicket(core.state, ticket)
  }
}
