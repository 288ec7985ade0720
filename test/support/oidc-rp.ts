/**
 * A relying party (oauth4webapi, a standard OpenID Connect client library) and a cookie-keeping
 * "browser" without JavaScript that fills in Propusk's hosted sign-in forms. One driver for the
 * in-process, real-socket and workerd tests: requests go through `target.fetch`, whatever
 * origin PUBLIC_URL names in the discovery document.
 */
import * as oauth from 'oauth4webapi'
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose'

export interface OidcTarget {
  /** Sends a request to the server under test; `path` starts with `/`. */
  fetch(path: string, init?: RequestInit): Promise<Response>
  /** PUBLIC_URL of the server: the issuer. */
  issuer: string
}

export type Proof =
  | { kind: 'password'; login: string; password: string }
  | { kind: 'code'; login: string; method: string; readCode: () => Promise<string> }

const pathOf = (url: string | URL) => {
  const parsed = new URL(url)
  return parsed.pathname + parsed.search
}

/** Routes oauth4webapi's requests to the target, and allows http in tests. */
export const rpOptions = (target: OidcTarget) => ({
  [oauth.customFetch]: (url: string, init: RequestInit) => target.fetch(pathOf(url), init),
  [oauth.allowInsecureRequests]: true,
})

/** A browser: keeps cookies, never follows redirects by itself, runs no script. */
export class FormBrowser {
  readonly cookies = new Map<string, string>()
  constructor(private readonly target: OidcTarget) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers)
    const jar = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
    if (jar) headers.set('cookie', jar)
    const response = await this.target.fetch(path, { ...init, headers, redirect: 'manual' })
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';')
      const [name = '', value = ''] = pair.split('=')
      const gone = !value || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a))
      if (gone) this.cookies.delete(name.trim())
      else this.cookies.set(name.trim(), value.trim())
    }
    return response
  }

  /** Submits the page's form with these fields (plus its hidden CSRF token). */
  async submit(html: string, fields: Record<string, string>): Promise<Response> {
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&')
    const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1]
    if (!action || !csrf) throw new Error(`no hosted form on the page:\n${html.slice(0, 2000)}`)
    return this.request(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf, ...fields }).toString(),
    })
  }
}

export const location = (response: Response) => response.headers.get('location') ?? ''

/**
 * Walks the hosted pages from `start` (a redirect to a page) until the browser is sent away
 * from Propusk; answers that final redirect's URL.
 */
export async function signInOnHostedPages(
  browser: FormBrowser,
  start: Response,
  proof: Proof,
): Promise<string> {
  let response = start
  for (let step = 0; step < 10; step++) {
    const to = location(response)
    if (response.status >= 300 && response.status < 400 && !to.startsWith('/signin')) return to
    if (response.status >= 300 && response.status < 400) response = await browser.request(to)
    const html = await response.text()
    if (response.status !== 200) throw new Error(`hosted page ${response.status}: ${html}`)
    if (/class="err"/.test(html))
      throw new Error(`hosted page error: ${/class="err"[^>]*>([^<]*)/.exec(html)?.[1]}`)
    if (html.includes('name="login"')) {
      response = await browser.submit(html, { action: 'login', login: proof.login })
    } else if (html.includes('name="method"')) {
      const method = proof.kind === 'password' ? 'password' : proof.method
      response = await browser.submit(html, { method })
    } else if (html.includes('autocomplete="one-time-code"') && proof.kind === 'code') {
      response = await browser.submit(html, { action: 'code', code: await proof.readCode() })
    } else if (html.includes('autocomplete="current-password"') && proof.kind === 'password') {
      response = await browser.submit(html, { action: 'password', password: proof.password })
    } else {
      throw new Error(`unexpected hosted page:\n${html.slice(0, 2000)}`)
    }
  }
  throw new Error('the hosted pages never sent the browser back')
}

export interface RpClient {
  as: oauth.AuthorizationServer
  client: oauth.Client
  redirectUri: string
  auth: oauth.ClientAuth
}

export async function discover(target: OidcTarget, clientId: string, redirectUri: string) {
  const issuer = new URL(target.issuer)
  const response = await oauth.discoveryRequest(issuer, rpOptions(target))
  const as = await oauth.processDiscoveryResponse(issuer, response)
  return { as, client: { client_id: clientId }, redirectUri, auth: oauth.None() } as RpClient
}

export interface Authorization {
  url: URL
  state: string
  nonce: string
  verifier: string
}

export async function authorizationUrl(
  rp: RpClient,
  extra: Record<string, string> = {},
): Promise<Authorization> {
  const verifier = oauth.generateRandomCodeVerifier()
  const state = oauth.generateRandomState()
  const nonce = oauth.generateRandomNonce()
  const url = new URL(rp.as.authorization_endpoint as string)
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: rp.client.client_id,
    redirect_uri: rp.redirectUri,
    scope: 'openid profile email phone',
    state,
    nonce,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    ...extra,
  }).toString()
  return { url, state, nonce, verifier }
}

/** The code grant as the library does it; the raw answer, for refusal tests. */
export function codeGrant(
  rp: RpClient,
  target: OidcTarget,
  callback: URLSearchParams,
  verifier: string,
) {
  return oauth.authorizationCodeGrantRequest(
    rp.as,
    rp.client,
    rp.auth,
    callback,
    rp.redirectUri,
    verifier,
    rpOptions(target),
  )
}

/** The signature, issuer and audience of an ID token, against the published JWKS. */
export async function verifyIdToken(
  target: OidcTarget,
  rp: RpClient,
  idToken: string,
): Promise<JWTPayload> {
  const jwks = (await (await target.fetch('/.well-known/jwks.json')).json()) as JSONWebKeySet
  const { payload, protectedHeader } = await jwtVerify(idToken, createLocalJWKSet(jwks), {
    issuer: target.issuer,
    audience: rp.client.client_id,
    algorithms: ['ES256'],
  })
  if (protectedHeader.alg !== 'ES256') throw new Error('not ES256')
  return payload
}

/** The whole happy path up to tokens: authorize, hosted pages, callback, code grant. */
export async function completeCodeFlow(target: OidcTarget, rp: RpClient, proof: Proof) {
  const browser = new FormBrowser(target)
  const authorization = await authorizationUrl(rp)
  const start = await browser.request(pathOf(authorization.url))
  const back = new URL(await signInOnHostedPages(browser, start, proof))
  const callback = oauth.validateAuthResponse(rp.as, rp.client, back, authorization.state)
  const response = await codeGrant(rp, target, callback, authorization.verifier)
  const tokens = await oauth.processAuthorizationCodeResponse(rp.as, rp.client, response, {
    expectedNonce: authorization.nonce,
    requireIdToken: true,
  })
  return { browser, authorization, callback, tokens, back }
}

export { oauth, pathOf }
