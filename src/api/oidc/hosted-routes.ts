/**
 * `GET /signin?req=…` shows the current step of a pending authorization request; `POST` runs
 * one step and answers 303 (to the next page, or back to the client). A request belongs to the
 * browser holding its pre-auth cookie, and every form must carry the request's CSRF token.
 */
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { sha256Hex, timingSafeEqual } from '../../kernel/crypto.ts'
import { readPreAuthCookie } from './browser.ts'
import {
  dropRequest,
  loadRequest,
  saveRequest,
  type PendingRequest,
} from '../../modules/oidc/index.ts'
import type { AppEnv, CoreServices } from '../../kernel/services.ts'
import { hostedTexts } from './hosted-i18n.ts'
import { renderHosted, renderMessagePage } from './hosted-layout.ts'
import { renderStep } from './hosted-pages.ts'
import { runStep } from './hosted-steps.ts'

type Fetch = Parameters<typeof runStep>[1]['fetchApp']

/** The pending request of this browser, or null (expired, unknown, or another browser's). */
async function requestOf(
  c: Context<AppEnv>,
): Promise<{ id: string; request: PendingRequest } | null> {
  const id = c.req.query('req') ?? ''
  const request = await loadRequest(c.get('services').state, id)
  const cookie = readPreAuthCookie(c)
  if (!request || !cookie || !timingSafeEqual(await sha256Hex(cookie), request.browser)) return null
  return { id, request }
}

const langOf = (c: Context<AppEnv>) => (c.req.query('lang') === 'ru' ? 'ru' : 'en')

function expired(c: Context<AppEnv>) {
  const lang = langOf(c)
  const t = hostedTexts[lang]
  return renderMessagePage(c, { lang, title: t.expiredTitle, text: t.expired }, 400)
}

export function mountHostedPages(app: OpenAPIHono<AppEnv>, core: CoreServices, fetchApp: Fetch) {
  app.get('/signin', async (c) => {
    const found = await requestOf(c)
    if (!found) return expired(c)
    const { id, request } = found
    const lang = c.req.query('lang')
    if ((lang === 'ru' || lang === 'en') && lang !== request.lang) {
      request.lang = lang
      await saveRequest(core.state, id, request)
    }
    const t = hostedTexts[request.lang]
    const view = renderStep(id, request, t)
    if (request.notice) {
      // A notice is shown once; reloading the page shows the step without it.
      const { notice: _n, noticeSeconds: _s, noticeMessage: _m, ...rest } = request
      await saveRequest(core.state, id, rest)
    }
    return renderHosted(c, {
      lang: request.lang,
      title: view.title,
      body: view.body,
      formTarget: new URL(request.redirectUri).origin,
      script: view.script,
    })
  })

  app.post('/signin', async (c) => {
    await core.limits.consume('oidc', 'hostedPostPerIp', c.get('clientIp'))
    const found = await requestOf(c)
    if (!found) return expired(c)
    const { id, request } = found
    const raw = await c.req.parseBody().catch(() => ({}))
    const form: Record<string, string> = {}
    for (const [name, value] of Object.entries(raw)) {
      if (typeof value === 'string') form[name] = value.slice(0, 2000)
    }
    if (!form.csrf || !timingSafeEqual(form.csrf, request.csrf)) {
      const t = hostedTexts[request.lang]
      return renderMessagePage(
        c,
        { lang: request.lang, title: t.expiredTitle, text: t.notices.csrf ?? '' },
        403,
      )
    }
    const { notice: _n, noticeSeconds: _s, noticeMessage: _m, ...clean } = request
    const action = form.action ?? (form.method ? 'method' : '')
    const outcome = await runStep(action, { fetchApp, c, request: clean, form })
    if (outcome.next === 'redirect') {
      await dropRequest(core.state, id)
      return c.redirect(outcome.to, 303)
    }
    await saveRequest(core.state, id, clean)
    return c.redirect(`/signin?req=${id}`, 303)
  })
}
