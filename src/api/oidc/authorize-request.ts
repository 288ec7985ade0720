/**
 * Validates an `/authorize` request in the order RFC 6749 §4.1.2.1 demands: until the client
 * and its redirect URI are known good, an error is shown as a page (never sent to a URI nobody
 * vouched for); afterwards it goes back to the client as `error=` on its redirect URI.
 */
import { supportedScopes, isRegisteredRedirectUri } from '../../modules/oidc/index.ts'
import type { App } from '../../modules/identity/index.ts'
import type { CoreServices } from '../../kernel/services.ts'
import { pickLang, type Lang } from '../../kernel/i18n/lang.ts'

export interface AuthorizeParams {
  clientId: string
  redirectUri: string
  state: string | null
  nonce: string | null
  scope: string[]
  codeChallenge: string
  prompt: string[]
  maxAge: number | null
  loginHint: string | null
  lang: Lang
}

export type AuthorizeCheck =
  | { ok: true; app: App; params: AuthorizeParams }
  /** Shown as a page: the client or redirect URI is unknown. */
  | { ok: false; page: 'unknown_client' | 'bad_redirect_uri'; lang: Lang }
  /** Sent back to the (validated) redirect URI. */
  | {
      ok: false
      redirect: { uri: string; state: string | null; error: string; description: string }
    }

const one = (query: URLSearchParams, name: string): string | null => {
  const values = query.getAll(name)
  // OAuth parameters may not repeat (RFC 6749 §3.1); an empty value counts as absent.
  return values.length === 1 && values[0] ? values[0] : null
}

/** `ui_locales` (space-separated, preferred first), then `?lang=`, then Accept-Language. */
function langOf(query: URLSearchParams, acceptLanguage: string | undefined): Lang {
  const wanted = (query.get('ui_locales') ?? '').split(' ').map((tag) => tag.split('-')[0])
  const first = wanted.find((tag) => tag === 'ru' || tag === 'en')
  return pickLang(acceptLanguage, first ?? query.get('lang') ?? undefined)
}

export async function checkAuthorize(
  core: CoreServices,
  query: URLSearchParams,
  acceptLanguage: string | undefined,
): Promise<AuthorizeCheck> {
  const lang = langOf(query, acceptLanguage)
  const clientId = one(query, 'client_id')
  const app = clientId && clientId.length <= 200 ? await core.identity.apps.get(clientId) : null
  if (!app || !clientId) return { ok: false, page: 'unknown_client', lang }
  const redirectUri = one(query, 'redirect_uri')
  // Exact string match against the registered URIs (OAuth 2.1 §4.1.1): no prefix, no pattern.
  if (!redirectUri || !isRegisteredRedirectUri(core, app, redirectUri)) {
    return { ok: false, page: 'bad_redirect_uri', lang }
  }
  const state = one(query, 'state')
  const fail = (error: string, description: string): AuthorizeCheck => ({
    ok: false,
    redirect: { uri: redirectUri, state, error, description },
  })
  if (!app.enabled) return fail('unauthorized_client', 'This app is disabled.')
  const responseType = one(query, 'response_type')
  if (responseType !== 'code') {
    return fail('unsupported_response_type', 'Only response_type=code is supported.')
  }
  const responseMode = one(query, 'response_mode')
  if (responseMode && responseMode !== 'query') {
    return fail('invalid_request', 'Only response_mode=query is supported.')
  }
  const challenge = one(query, 'code_challenge')
  const method = one(query, 'code_challenge_method')
  if (!challenge || !/^[A-Za-z0-9_-]{43}$/.test(challenge)) {
    return fail('invalid_request', 'PKCE is required: send an S256 code_challenge.')
  }
  if (method !== 'S256') {
    return fail('invalid_request', 'code_challenge_method must be S256 (plain is refused).')
  }
  const scope = [...new Set((one(query, 'scope') ?? '').split(' ').filter(Boolean))]
  if (!scope.includes('openid')) {
    return fail('invalid_scope', 'The scope must contain openid.')
  }
  const prompt = (one(query, 'prompt') ?? '').split(' ').filter(Boolean)
  if (prompt.some((p) => !['none', 'login', 'consent', 'select_account'].includes(p))) {
    return fail('invalid_request', 'Unknown prompt value.')
  }
  if (prompt.includes('none') && prompt.length > 1) {
    return fail('invalid_request', 'prompt=none cannot be combined with other values.')
  }
  const maxAgeText = one(query, 'max_age')
  const maxAge = maxAgeText && /^\d{1,9}$/.test(maxAgeText) ? Number(maxAgeText) : null
  if (maxAgeText && maxAge === null) return fail('invalid_request', 'max_age must be seconds.')
  if (query.has('request') || query.has('request_uri')) {
    return fail('request_not_supported', 'Request objects are not supported.')
  }
  const nonce = one(query, 'nonce')
  if ((state?.length ?? 0) > 2000 || (nonce?.length ?? 0) > 500) {
    return fail('invalid_request', 'state or nonce is too long.')
  }
  const loginHint = one(query, 'login_hint')
  return {
    ok: true,
    app,
    params: {
      clientId,
      redirectUri,
      state,
      nonce,
      scope: scope.filter((s) => supportedScopes.includes(s)),
      codeChallenge: challenge,
      prompt,
      maxAge,
      loginHint: loginHint && loginHint.length <= 320 ? loginHint : null,
      lang,
    },
  }
}
