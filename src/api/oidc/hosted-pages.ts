/** The hosted sign-in steps as HTML: one form per step, each carrying the CSRF token. */
import type { PendingRequest } from '../../modules/oidc/index.ts'
import { escapeHtml } from './hosted-layout.ts'
import { noticeText, type HostedTexts } from './hosted-i18n.ts'

export interface StepView {
  title: string
  body: string
  script: boolean
}

const h = escapeHtml

function form(id: string, request: PendingRequest, inner: string): string {
  return `<form method="post" action="/signin?req=${h(id)}">
<input type="hidden" name="csrf" value="${h(request.csrf)}">
${inner}</form>`
}

const notice = (t: HostedTexts, request: PendingRequest) =>
  request.notice
    ? `<p class="err" role="alert">${h(noticeText(t, request.notice, request.noticeSeconds, request.noticeMessage))}</p>`
    : ''

const restart = (t: HostedTexts) =>
  `<button class="alt" name="action" value="restart" formnovalidate>${h(t.otherLogin)}</button>`

function loginStep(t: HostedTexts, request: PendingRequest): StepView {
  const value = request.login ?? request.loginHint ?? ''
  return {
    title: t.signInTitle,
    script: false,
    body: `<h1>${h(t.signInTitle)}</h1>${notice(t, request)}
<label for="login">${h(t.loginLabel)}</label>
<input id="login" name="login" type="text" inputmode="email" autocomplete="username" required maxlength="320" value="${h(value)}" aria-describedby="login-hint" autofocus>
<p id="login-hint">${h(t.loginHint)}</p>
<button name="action" value="login">${h(t.continue)}</button>`,
  }
}

function methodsStep(t: HostedTexts, request: PendingRequest): StepView {
  const buttons = (request.methods ?? [])
    .map(
      (m, i) =>
        `<button${i ? ' class="alt"' : ''} name="method" value="${h(m)}">${h(t.methods[m] ?? m)}</button>`,
    )
    .join('\n')
  return {
    title: t.methodsTitle,
    script: false,
    body: `<h1>${h(t.methodsTitle)}</h1><p>${h(t.as(request.login ?? ''))}</p>${notice(t, request)}
${buttons}
${restart(t)}`,
  }
}

function passwordStep(t: HostedTexts, request: PendingRequest, lang: string): StepView {
  return {
    title: t.signInTitle,
    script: false,
    body: `<h1>${h(t.signInTitle)}</h1><p>${h(t.as(request.login ?? ''))}</p>${notice(t, request)}
<input type="text" name="username" autocomplete="username" value="${h(request.login ?? '')}" hidden readonly>
<label for="password">${h(t.password)}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required maxlength="1024" autofocus>
<button name="action" value="password">${h(t.signIn)}</button>
${restart(t)}
<div class="links"><a href="/reset-password?lang=${lang}">${h(t.forgot)}</a></div>`,
  }
}

function codeStep(t: HostedTexts, request: PendingRequest): StepView {
  const call = request.method === 'flash-call'
  const wait = Math.max(0, Math.ceil(((request.resendAt ?? 0) - Date.now()) / 1000))
  const length = request.codeLength ?? 4
  return {
    title: t.codeTitle,
    script: true,
    body: `<h1>${h(t.codeTitle)}</h1><p>${h((call ? t.callSent : t.codeSent)(request.sentTo ?? ''))}</p>${notice(t, request)}
<label for="code">${h(t.code)}</label>
<input id="code" name="code" class="code" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{${length}}" minlength="${length}" maxlength="${length}" required autofocus>
<button name="action" value="code">${h(t.signIn)}</button>
<button class="alt" name="action" value="resend" formnovalidate data-wait="${wait}">${h(t.resend)}</button>
${restart(t)}`,
  }
}

function registerStep(t: HostedTexts, request: PendingRequest): StepView {
  const input = (name: string, label: string) =>
    `<label for="${name}">${h(label)}</label>
<input id="${name}" name="${name}" type="password" autocomplete="new-password" required minlength="8" maxlength="128">`
  return {
    title: t.registerTitle,
    script: false,
    body: `<h1>${h(t.registerTitle)}</h1><p>${h(t.registerIntro)}</p>${notice(t, request)}
<input type="text" name="username" autocomplete="username" value="${h(request.login ?? '')}" hidden readonly>
${input('password', t.newPassword)}<p>${h(t.passwordHint)}</p>
${input('confirm', t.confirm)}
<button name="action" value="register">${h(t.save)}</button>`,
  }
}

export function renderStep(id: string, request: PendingRequest, t: HostedTexts): StepView {
  const view =
    request.step === 'methods'
      ? methodsStep(t, request)
      : request.step === 'password'
        ? passwordStep(t, request, request.lang)
        : request.step === 'code'
          ? codeStep(t, request)
          : request.step === 'register'
            ? registerStep(t, request)
            : loginStep(t, request)
  const other = request.lang === 'ru' ? 'en' : 'ru'
  const language = `<div class="links"><a href="/signin?req=${h(id)}&amp;lang=${other}" lang="${other}">${h(t.otherLanguage)}</a></div>`
  return { ...view, body: form(id, request, view.body) + language }
}
