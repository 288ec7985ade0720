/** The e-mail with a sign-in code: subject, plain text and a simple HTML part, Russian or English. */
import { otp } from 'propusk/plugin'

export interface EmailTemplate {
  subject: string
  /** `{code}`, `{app}` and `{minutes}` are filled in. */
  text: string
}

export const defaultEmailTemplates: Record<otp.OtpLocale, EmailTemplate> = {
  ru: {
    subject: 'Код для входа в {app}',
    text:
      'Ваш код для входа в {app}: {code}\n\n' +
      'Код действует {minutes} мин. Если вы не входили, просто удалите это письмо: ' +
      'без кода в ваш аккаунт не войти.',
  },
  en: {
    subject: 'Your sign-in code for {app}',
    text:
      'Your code to sign in to {app}: {code}\n\n' +
      'It works for {minutes} min. If you did not try to sign in, delete this e-mail: ' +
      'nobody can sign in without the code.',
  },
}

const escapeHtml = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')

function templateFor(input: otp.ComposeInput<unknown>): EmailTemplate {
  const custom = otp.appOtpSettings(input.app).otp?.['email-otp']?.templates as
    Record<string, Partial<EmailTemplate> | undefined> | undefined
  const mine = custom?.[input.locale]
  const fallback = defaultEmailTemplates[input.locale]
  return {
    subject: typeof mine?.subject === 'string' && mine.subject ? mine.subject : fallback.subject,
    text: typeof mine?.text === 'string' && mine.text ? mine.text : fallback.text,
  }
}

export function emailMessage(input: otp.ComposeInput<{ ttlSeconds: number }>): otp.ComposedMessage {
  const template = templateFor(input)
  const minutes = String(Math.max(1, Math.round(input.settings.ttlSeconds / 60)))
  const fill = (text: string, code: string) =>
    text
      .replaceAll('{app}', input.app.name)
      .replaceAll('{minutes}', minutes)
      .replaceAll('{code}', code)
  // The code is marked up after escaping, so a template cannot inject HTML around it.
  const marker = '\u0000code\u0000'
  const htmlBody = escapeHtml(fill(template.text, marker))
    .split('\n')
    .join('<br>\n')
    .replaceAll(
      marker,
      `<strong style="font-size:28px;letter-spacing:6px;font-family:monospace">${input.code}</strong>`,
    )
  return {
    subject: fill(template.subject, input.code),
    text: fill(template.text, input.code),
    html: `<!doctype html>\n<html lang="${input.locale}"><body style="font-family:sans-serif;font-size:16px;line-height:1.5">\n<p>${htmlBody}</p>\n</body></html>`,
  }
}
