/**
 * RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0): ends the browser's SSO session
 * and the session of the RP named by `id_token_hint`, then returns to `post_logout_redirect_uri`
 * only when that URI is registered for the RP; otherwise shows a "signed out" page.
 */
import { createRoute } from '@hono/zod-openapi'
import * as z from 'zod'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { compactVerify } from 'jose'
import { access, errorResponse } from '../../kernel/http/api-docs.ts'
import type { AppEnv, CoreServices } from '../../kernel/services.ts'
import { keysFor } from '../../modules/sessions/index.ts'
import { hostedTexts } from './hosted-i18n.ts'
import { renderMessagePage } from './hosted-layout.ts'
import { pickLang } from '../../kernel/i18n/lang.ts'
import { clearSsoCookie, readSsoCookie } from './browser.ts'
import { isRegisteredRedirectUri, endSso } from '../../modules/oidc/index.ts'

const query = z.object({
  id_token_hint: z.string().optional(),
  post_logout_redirect_uri: z.string().optional(),
  state: z.string().optional(),
  client_id: z.string().optional(),
  ui_locales: z.string().optional(),
})

const route = (method: 'get' | 'post', operationId: string) =>
  createRoute({
    method,
    path: '/end_session',
    operationId,
    security: access.public,
    tags: ['OpenID Connect'],
    summary: 'RP-initiated logout: ends the SSO session and the RP’s session',
    request: method === 'get' ? { query } : {},
    responses: {
      200: {
        description: 'An HTML "signed out" page',
        content: { 'text/html': { schema: z.string() } },
      },
      302: { description: 'To the registered post_logout_redirect_uri, with `state`' },
      429: errorResponse('`rate_limited`'),
    },
  })

/** The claims of an ID token this server signed; expired ones count (a hint, not a credential). */
async function hintClaims(core: CoreServices, token: string) {
  try {
    const keys = await keysFor(core)
    const { payload } = await compactVerify(token, (header) => {
      const key = header.kid ? keys.byKid.get(header.kid) : undefined
      if (!key || key.alg !== header.alg) throw new Error('unknown key')
      return key.publicKey
    })
    const claims = JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>
    if (claims.iss !== core.config.PUBLIC_URL || typeof claims.aud !== 'string') return null
    return { clientId: claims.aud, sessionId: typeof claims.sid === 'string' ? claims.sid : null }
  } catch {
    return null
  }
}

async function params(c: Context<AppEnv>): Promise<Record<string, string>> {
  if (c.req.method === 'GET') return c.req.query()
  const body = await c.req.parseBody().catch(() => ({}))
  return Object.fromEntries(
    Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  )
}

export function mountEndSession(app: OpenAPIHono<AppEnv>, core: CoreServices): void {
  const handler = async (c: Context<AppEnv>) => {
    await core.limits.consume('oidc', 'authorizePerIp', c.get('clientIp'))
    const input = await params(c)
    const sso = readSsoCookie(c)
    if (sso) await endSso(core.state, sso)
    clearSsoCookie(c)
    const hint = input.id_token_hint ? await hintClaims(core, input.id_token_hint) : null
    if (hint?.sessionId) await core.identity.sessions.revoke(hint.sessionId, 'logout')
    const clientId = hint?.clientId ?? input.client_id
    const target = input.post_logout_redirect_uri
    if (clientId && target) {
      const client = await core.identity.apps.get(clientId)
      if (client && isRegisteredRedirectUri(core, client, target)) {
        const url = new URL(target)
        if (input.state) url.searchParams.set('state', input.state)
        return c.redirect(url.toString(), 302)
      }
    }
    const lang = pickLang(c.req.header('accept-language'), input.ui_locales?.split(/[ -]/)[0])
    const t = hostedTexts[lang]
    return renderMessagePage(c, { lang, title: t.signedOutTitle, text: t.signedOut })
  }
  app.openapi(route('get', 'oidcEndSession'), handler)
  app.openapi(route('post', 'oidcEndSessionPost'), handler)
}
