/**
 * `GET /authorize`: the authorization code flow (OAuth 2.1, OIDC Core §3.1). A live SSO session
 * answers at once with a code; otherwise the request is kept in the state store and the browser
 * goes to the hosted sign-in pages (src/api/hosted).
 *
 * A browser endpoint, described by the discovery document rather than /openapi.json: it answers
 * redirects, and HTML pages for the errors that must not be redirected (unknown client,
 * unregistered redirect URI), which the JSON API's conventions do not fit.
 */
import { createRoute } from '@hono/zod-openapi'
import * as z from 'zod'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { randomToken, sha256Hex } from '../../kernel/crypto.ts'
import type { AppEnv, CoreServices } from '../../kernel/services.ts'
import { renderMessagePage } from './hosted-layout.ts'
import { hostedTexts } from './hosted-i18n.ts'
import { checkAuthorize, type AuthorizeParams } from './authorize-request.ts'
import { readPreAuthCookie, readSsoCookie, writePreAuthCookie } from './browser.ts'
import { errorRedirect, finishAuthorization, signInFromSso } from './finish.ts'
import { readSso, saveRequest, type PendingRequest } from '../../modules/oidc/index.ts'

function pendingFrom(params: AuthorizeParams, browser: string): PendingRequest {
  return {
    clientId: params.clientId,
    redirectUri: params.redirectUri,
    state: params.state,
    nonce: params.nonce,
    scope: params.scope,
    codeChallenge: params.codeChallenge,
    prompt: params.prompt,
    maxAge: params.maxAge,
    lang: params.lang,
    loginHint: params.loginHint,
    browser,
    csrf: randomToken(),
    step: 'login',
  }
}

/** The SSO session, unless the client asked for a fresh proof (prompt=login, max_age). */
async function liveSso(c: Context<AppEnv>, params: AuthorizeParams) {
  const core = c.get('services')
  const id = readSsoCookie(c)
  if (!id || params.prompt.includes('login')) return null
  const sso = await readSso(core.state, id)
  if (!sso) return null
  const age = Math.floor(core.now().getTime() / 1000) - sso.authTime
  // OIDC Core §3.1.2.1: max_age=0 asks for a fresh sign-in, like prompt=login.
  const tooOld = params.maxAge !== null && (params.maxAge === 0 || age > params.maxAge)
  return tooOld ? null : sso
}

export function mountAuthorize(app: OpenAPIHono<AppEnv>, core: CoreServices): void {
  // OIDC Core §3.1.2.1: GET, and POST with a form body, carry the same parameters.
  const authorize = async (c: Context<AppEnv>) => {
    await core.limits.consume('oidc', 'authorizePerIp', c.get('clientIp'))
    const query =
      c.req.method === 'POST'
        ? new URLSearchParams(await c.req.text())
        : new URL(c.req.url).searchParams
    const check = await checkAuthorize(core, query, c.req.header('accept-language'))
    if (!check.ok && 'page' in check) {
      const t = hostedTexts[check.lang]
      return renderMessagePage(
        c,
        { lang: check.lang, title: t.badRequestTitle, text: t[check.page] },
        400,
      )
    }
    if (!check.ok) {
      const { uri, state, error, description } = check.redirect
      return c.redirect(errorRedirect(core, { redirectUri: uri, state }, error, description), 302)
    }
    const { app: client, params } = check
    const sso = await liveSso(c, params)
    const pending = pendingFrom(params, '')
    if (sso) {
      const user = await core.identity.users.get(sso.userId)
      const outcome = user ? await signInFromSso(c, client, user, sso) : null
      if (outcome === 'access_denied') {
        const text = 'Your roles do not grant access to this app.'
        return c.redirect(errorRedirect(core, pending, 'access_denied', text), 302)
      }
      if (outcome) return c.redirect(await finishAuthorization(c, pending, outcome), 302)
    }
    if (params.prompt.includes('none')) {
      const text = 'The person is not signed in.'
      return c.redirect(errorRedirect(core, pending, 'login_required', text), 302)
    }
    let browser = readPreAuthCookie(c)
    if (!browser || !/^[\w-]{40,50}$/.test(browser)) {
      browser = randomToken()
      writePreAuthCookie(c, browser)
    }
    const id = randomToken(18)
    await saveRequest(core.state, id, { ...pending, browser: await sha256Hex(browser) })
    return c.redirect(`/signin?req=${id}`, 302)
  }
  app.get('/authorize', authorize)
  app.post('/authorize', authorize)
}
