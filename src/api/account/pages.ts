/**
 * The pages people reach from links: `/invite`, `/reset-password` and `/setup`. Each is plain
 * server-rendered HTML; its form posts JSON to the documented API endpoint.
 */
import { createRoute } from '@hono/zod-openapi'
import * as z from 'zod'
import type { Context } from 'hono'
import type { OpenAPIHono } from '@hono/zod-openapi'
import { coreError } from '../../kernel/errors.ts'
import { errorResponse } from '../../kernel/http/api-docs.ts'
import type { AppEnv, CoreServices } from '../../kernel/services.ts'
import { findOpenInvitation, findResetUser } from '../../modules/onboarding/index.ts'
import { phoneForDisplay } from '../../modules/identity/index.ts'
import { escapeHtml, newNonce, pagePolicy, renderPage } from '../html.ts'
import { pickLang, scriptMessages, texts, type Texts } from './i18n.ts'

const pageQuery = z.object({
  token: z.string().max(500).optional(),
  lang: z.enum(['ru', 'en']).optional().openapi({ description: 'Overrides Accept-Language' }),
})

const html = { 'text/html': { schema: z.string() } }

function pageRoute(path: string, operationId: string, summary: string) {
  return createRoute({
    method: 'get',
    path,
    operationId,
    security: [],
    tags: ['Account pages'],
    summary,
    request: { query: pageQuery },
    responses: {
      200: { description: 'An HTML page (Russian or English)', content: html },
      400: errorResponse('`validation_failed`: an unknown `lang` or an overlong `token`'),
      404: errorResponse('`not_found`: the page is not available on this install'),
    },
  })
}

const invitePage = pageRoute('/invite', 'getInvitePage', 'Invitation page: create a password (R2)')
const resetPage = pageRoute(
  '/reset-password',
  'getResetPasswordPage',
  'Password reset page: request a link, or set a new password',
)
const setupPage = pageRoute(
  '/setup',
  'getSetupPage',
  'First-administrator page (setup-link plugin)',
)

export type PageContext = Context<AppEnv>

function respond(
  c: PageContext,
  page: { title: string; body: string; config?: Record<string, unknown> },
) {
  const nonce = newNonce()
  const query = new URLSearchParams(c.req.query())
  query.delete('lang')
  const selfPath = `${c.req.path}${query.size ? `?${query}` : ''}`
  const lang = pickLang(c.req.header('accept-language'), c.req.query('lang'))
  c.header('Content-Security-Policy', `${pagePolicy(nonce)}; frame-ancestors 'none'`)
  c.header('Content-Language', lang)
  c.header('Vary', 'Accept-Language')
  return c.html(renderPage({ lang, selfPath, ...page }, nonce), 200)
}

const field = (name: string, label: string, attrs: string, hint?: string) =>
  `<label for="${name}">${escapeHtml(label)}</label>
<input id="${name}" name="${name}" ${attrs}${hint ? ` aria-describedby="${name}-hint"` : ''}>
${hint ? `<div class="hint" id="${name}-hint">${escapeHtml(hint)}</div>` : ''}`

/** `login` goes in an unnamed (never submitted) username field, for password managers. */
function passwordFields(t: Texts, label: string, login?: string): string {
  const username = login
    ? `<input type="text" autocomplete="username" value="${escapeHtml(login)}" hidden readonly>\n`
    : ''
  return (
    username +
    field(
      'password',
      label,
      'type="password" autocomplete="new-password" required minlength="8" maxlength="128"',
      t.passwordHint,
    ) +
    field(
      'confirm',
      t.confirm,
      'type="password" autocomplete="new-password" required minlength="8" maxlength="128"',
    )
  )
}

const form = (endpoint: string, inner: string, button: string, t: Texts) =>
  `<form data-endpoint="${escapeHtml(endpoint)}" novalidate>
${inner}
<button type="submit">${escapeHtml(button)}</button>
</form>
<noscript><p>${escapeHtml(t.noscript)}</p></noscript>`

const hidden = (name: string, value: string) =>
  `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`

const textsOf = (c: PageContext) =>
  texts[pickLang(c.req.header('accept-language'), c.req.query('lang'))]

/** The invitation page for `token`; served at `/invite?token=` and at the SMS's `/i/{token}`. */
export async function invitePageFor(c: PageContext, services: CoreServices, token: string) {
  const t = textsOf(c)
  const open = token ? await findOpenInvitation(services, token) : null
  if (!open) {
    return respond(c, {
      title: t.inviteInvalidTitle,
      body: `<h1>${escapeHtml(t.inviteInvalidTitle)}</h1><p>${escapeHtml(t.inviteInvalid)}</p>`,
    })
  }
  const login = open.user.email ?? open.user.phone ?? ''
  return respond(c, {
    title: t.inviteTitle,
    body:
      `<h1>${escapeHtml(t.inviteTitle)}</h1><p>${escapeHtml(t.inviteIntro(open.user.displayName, phoneForDisplay(login)))}</p>` +
      form(
        '/v1/invitations/accept',
        hidden('token', token) + passwordFields(t, t.password, login),
        t.save,
        t,
      ),
    config: { messages: scriptMessages(t, t.inviteDone, t.inviteInvalid) },
  })
}

/** The new-password page for `token`; served at `/reset-password?token=` and at `/r/{token}`. */
export async function resetPageFor(c: PageContext, services: CoreServices, token: string) {
  const t = textsOf(c)
  const user = await findResetUser(services, token)
  if (!user) {
    return respond(c, {
      title: t.resetInvalidTitle,
      body:
        `<h1>${escapeHtml(t.resetInvalidTitle)}</h1><p>${escapeHtml(t.resetInvalid)}</p>` +
        `<p><a href="/reset-password">${escapeHtml(t.resetRequestLink)}</a></p>`,
    })
  }
  return respond(c, {
    title: t.resetTitle,
    body:
      `<h1>${escapeHtml(t.resetTitle)}</h1><p>${escapeHtml(t.resetIntro(phoneForDisplay(user.email ?? user.phone ?? '')))}</p>` +
      form(
        '/v1/password-resets/complete',
        hidden('token', token) + passwordFields(t, t.newPassword, user.email ?? user.phone ?? ''),
        t.save,
        t,
      ),
    config: { messages: scriptMessages(t, t.resetDone, t.resetInvalid) },
  })
}

export function mountAccountPages(app: OpenAPIHono<AppEnv>, services: CoreServices): void {
  app.openapi(invitePage, (c) => invitePageFor(c, services, c.req.valid('query').token ?? ''))

  app.openapi(resetPage, async (c) => {
    const t = textsOf(c)
    const token = c.req.valid('query').token
    if (token) return resetPageFor(c, services, token)
    return respond(c, {
      title: t.forgotTitle,
      body:
        `<h1>${escapeHtml(t.forgotTitle)}</h1><p>${escapeHtml(t.forgotIntro)}</p>` +
        form(
          '/v1/password-resets',
          field('login', t.login, 'type="text" autocomplete="username" required maxlength="320"'),
          t.send,
          t,
        ),
      config: { messages: scriptMessages(t, t.forgotDone, t.failed) },
    })
  })

  app.openapi(setupPage, async (c) => {
    // The page belongs to the setup-link plugin's flow; without the plugin there is no such link.
    if (!services.plugins.some((plugin) => plugin.id === 'setup-link')) throw coreError('not_found')
    const t = textsOf(c)
    const token = c.req.valid('query').token ?? ''
    const inner =
      hidden('token', token) +
      field(
        'displayName',
        t.displayName,
        'type="text" autocomplete="name" required maxlength="200"',
      ) +
      field('email', t.email, 'type="email" autocomplete="email" maxlength="320"') +
      field('phone', t.phone, 'type="tel" autocomplete="tel" maxlength="40"') +
      passwordFields(t, t.password)
    return respond(c, {
      title: t.setupTitle,
      body:
        `<h1>${escapeHtml(t.setupTitle)}</h1><p>${escapeHtml(t.setupIntro)}</p>` +
        form('/v1/auth/setup-link/complete', inner, t.create, t),
      config: {
        messages: scriptMessages(t, t.setupDone, t.setupInvalid),
        verify: { endpoint: '/v1/auth/setup-link/verify', body: { token } },
        // Shown under the success message: the console is where the new admin goes next.
        next: {
          href: '/admin/',
          text: t === texts.ru ? 'Открыть консоль администратора →' : 'Open the admin console →',
        },
      },
    })
  })
}
