import { startCodeSession } from '../api/client.ts'
import { lang } from '../i18n/index.ts'
import { consoleClientId, consoleRedirectUri, leaveFor } from './navigation.ts'

/**
 * The console signs in as any OpenID Connect app would: the browser goes to `/authorize`, the
 * hosted pages ask for the proof (password, SMS code…, whatever the `admin-console` app offers),
 * and come back to `/admin/?code&state&iss`. The code is then redeemed by the console's own
 * endpoint rather than `/token`, so the refresh token lands in the HttpOnly console cookie.
 *
 * The PKCE verifier, `state` and `nonce` live in sessionStorage for the round trip only (this tab,
 * removed on return). The nonce is sent because the provider binds the ID token to it; the
 * console never reads that ID token (the server redeems the code), so PKCE and `state` are what
 * tie the code to this tab.
 */
const pendingKey = 'propusk.console.sign-in'

interface Pending {
  state: string
  nonce: string
  verifier: string
  /** The console URL to show after signing in (a deep link survives the round trip). */
  returnTo: string
}

function base64Url(bytes: Uint8Array): string {
  let text = ''
  for (const byte of bytes) text += String.fromCharCode(byte)
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

const random = () => base64Url(crypto.getRandomValues(new Uint8Array(32)))

async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))
  return base64Url(new Uint8Array(digest))
}

/** Sends the browser to the hosted sign-in pages, in the console's language. */
export async function goToHostedSignIn(options: { fresh?: boolean } = {}): Promise<void> {
  const here = location.pathname + location.search
  const pending: Pending = {
    state: random(),
    nonce: random(),
    verifier: random(),
    returnTo: here.startsWith('/admin') ? here : '/admin/',
  }
  sessionStorage.setItem(pendingKey, JSON.stringify(pending))
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: consoleClientId,
    redirect_uri: consoleRedirectUri(),
    scope: 'openid profile email',
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await challengeOf(pending.verifier),
    code_challenge_method: 'S256',
    ui_locales: lang.value,
  })
  // Another account, after "your roles do not grant the console": do not reuse the SSO session.
  if (options.fresh) query.set('prompt', 'login')
  leaveFor(`/authorize?${query}`)
}

/** `problem`: an OAuth error (`access_denied`), `state_mismatch`, or the server's refusal. */
export type SignInReturn =
  | { status: 'signed-in'; returnTo: string }
  | { status: 'refused'; problem: unknown; returnTo: string }

function takePending(): Pending | null {
  const raw = sessionStorage.getItem(pendingKey)
  sessionStorage.removeItem(pendingKey)
  try {
    return raw ? (JSON.parse(raw) as Pending) : null
  } catch {
    return null
  }
}

/** The answer of `/authorize` in this page's URL, if it is one; null otherwise. */
export async function finishHostedSignIn(): Promise<SignInReturn | null> {
  const params = new URLSearchParams(location.search)
  if (!params.has('state') || !(params.has('code') || params.has('error'))) return null
  const pending = takePending()
  const returnTo = pending?.returnTo ?? '/admin/'
  // RFC 9207: the answer must come from this server (the console lives at PUBLIC_URL).
  const issuer = (params.get('iss') ?? '').replace(/\/+$/, '')
  if (!pending || params.get('state') !== pending.state || issuer !== location.origin) {
    return { status: 'refused', problem: 'state_mismatch', returnTo }
  }
  const error = params.get('error')
  if (error) return { status: 'refused', problem: error, returnTo }
  try {
    await startCodeSession({
      code: params.get('code') ?? '',
      redirectUri: consoleRedirectUri(),
      codeVerifier: pending.verifier,
    })
    return { status: 'signed-in', returnTo }
  } catch (failure) {
    return { status: 'refused', problem: failure, returnTo }
  }
}
