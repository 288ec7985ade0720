/**
 * `grant_type=authorization_code` at the token endpoint (RFC 6749 §4.1.3, OAuth 2.1 §4.1.3):
 * the client authenticates by the one client-authentication rule, then the code is taken once
 * and checked against the client, the redirect URI and the PKCE verifier. It hands out the
 * tokens of the session the sign-in opened, plus an ID token.
 */
import { base64UrlEncode, sha256 } from '../../kernel/crypto.ts'
import { coreError } from '../../kernel/errors.ts'
import type { OidcDeps } from './deps.ts'
import { authenticateClient, type ClientCredentials, tokenError } from '../clients/index.ts'
import { keysFor } from '../sessions/index.ts'
import { signIdToken } from './id-token.ts'
import { scopedClaims, saveGrantedScope } from './scope-claims.ts'
import { redeemCode } from './store.ts'

export interface CodeGrantBody extends ClientCredentials {
  code?: string | undefined
  redirect_uri?: string | undefined
  code_verifier?: string | undefined
}

const idTokenLifetimeSeconds = 3600

const required = (field: string) =>
  coreError('validation_failed', `Invalid ${field}.`, {
    fields: [{ field, message: 'required for grant_type=authorization_code' }],
  })

export async function redeemAuthorizationCode(
  core: OidcDeps,
  body: CodeGrantBody,
  authorization: string | undefined,
  context: { ip: string | null; requestId: string | null },
) {
  if (!body.code) throw required('code')
  if (!body.redirect_uri) throw required('redirect_uri')
  // OAuth 2.1: PKCE is mandatory; a missing verifier is refused before the code is spent.
  if (!body.code_verifier || !/^[A-Za-z0-9._~-]{43,128}$/.test(body.code_verifier)) {
    throw tokenError('invalid_grant', 'A valid code_verifier (PKCE) is required.')
  }
  const client = await authenticateClient(core, body, authorization)
  const redemption = await redeemCode(core.state, body.code)
  const audit = (result: 'failure' | 'success', reason: string, sessionId?: string) =>
    core.identity.audit.record({
      actorType: 'app',
      actorId: client.id,
      action: 'token.authorization_code',
      targetType: sessionId ? 'session' : null,
      targetId: sessionId ?? null,
      result,
      ip: context.ip,
      requestId: context.requestId,
      appId: client.id,
      details: { reason },
    })
  const refuse = async (reason: string, sessionId?: string) => {
    // A code that went wrong (replayed, stolen, mismatched) ends the session it stands for.
    if (sessionId) await core.identity.sessions.revoke(sessionId, `code_${reason}`)
    await audit('failure', reason, sessionId)
    return tokenError('invalid_grant', 'The code is invalid, expired or already used.')
  }
  if (redemption.status === 'reused') throw await refuse('reused', redemption.sessionId)
  if (redemption.status === 'unknown') throw await refuse('unknown')
  const { record } = redemption
  if (record.clientId !== client.id) throw await refuse('client_mismatch', record.sessionId)
  if (record.redirectUri !== body.redirect_uri) {
    throw await refuse('redirect_uri_mismatch', record.sessionId)
  }
  const challenge = base64UrlEncode(await sha256(body.code_verifier))
  if (challenge !== record.codeChallenge) throw await refuse('pkce_mismatch', record.sessionId)

  const now = core.now()
  await saveGrantedScope(core.state, record.sessionId, record.scope)
  const user = await core.identity.users.get(record.userId)
  const idToken = await signIdToken(await keysFor(core), {
    issuer: core.config.PUBLIC_URL,
    clientId: client.id,
    userId: record.userId,
    sessionId: record.sessionId,
    nonce: record.nonce,
    authTime: record.authTime,
    amr: record.amr,
    accessToken: record.accessToken,
    now,
    lifetimeSeconds: idTokenLifetimeSeconds,
    claims: user ? scopedClaims(user, record.scope) : {},
  })
  await audit('success', 'issued', record.sessionId)
  return {
    access_token: record.accessToken,
    token_type: 'Bearer' as const,
    expires_in: Math.max(0, Math.floor((record.accessExpiresAt - now.getTime()) / 1000)),
    refresh_token: record.refreshToken,
    id_token: idToken,
    scope: record.scope.join(' '),
    session_id: record.sessionId,
  }
}
