/**
 * The texts of invitation and reset messages, each in one language: the recipient's (see
 * `recipientLocale`). SMS texts are short because operators bill per segment: Russian goes as
 * UCS-2, 70 characters a segment, so an SMS carries the short link form (`/i/…`, `/r/…`, a
 * 22-character token) and a few words, one segment for a `PUBLIC_URL` of up to 23 characters;
 * English fits one GSM-7 segment (160). test/sms-segments.test.ts counts every template.
 */
import type { DeliveryChannel } from '../../kernel/delivery.ts'
import type { MessageLocale } from '../identity/index.ts'

export interface AccountMessage {
  subject: string
  text: string
  html?: string
}

interface MessageInput {
  displayName: string
  link: string
  expiresAt: string
  locale: MessageLocale
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string,
  )

function formatDate(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`
}

function email(subject: string, lines: string[], link: string): AccountMessage {
  const text = [...lines, link].join('\n')
  const button = `<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:10px 18px;background:#1f5eff;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(link)}</a></p>`
  const block = lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')
  const html = `<div style="font-family:system-ui,sans-serif;max-width:560px;line-height:1.5">${block}${button}</div>`
  return { subject, text, html }
}

/** SMS templates; `{link}` is filled in. Exported for the segment count test. */
export const accountSmsTemplates = {
  invitation: {
    ru: 'Пропуск: приглашение {link}',
    en: 'Propusk: confirm your registration and set a password {link}',
  },
  reset: {
    ru: 'Пропуск: сброс пароля {link}',
    en: 'Propusk: reset your password {link}',
  },
} as const satisfies Record<string, Record<MessageLocale, string>>

const sms = (template: string, link: string): AccountMessage => ({
  subject: 'Propusk',
  text: template.replace('{link}', link),
})

export function invitationMessage(channel: DeliveryChannel, input: MessageInput): AccountMessage {
  if (channel === 'sms') return sms(accountSmsTemplates.invitation[input.locale], input.link)
  const until = formatDate(input.expiresAt)
  return input.locale === 'ru'
    ? email(
        'Приглашение в Пропуск',
        [
          `Здравствуйте, ${input.displayName}!`,
          `Вас зарегистрировали в Пропуске. Чтобы подтвердить регистрацию и создать пароль, откройте ссылку (действует до ${until}):`,
        ],
        input.link,
      )
    : email(
        'Your Propusk invitation',
        [
          `Hello ${input.displayName},`,
          `An account was created for you in Propusk. To confirm it and create your password, open this link (valid until ${until}):`,
        ],
        input.link,
      )
}

export function passwordResetMessage(
  channel: DeliveryChannel,
  input: MessageInput,
): AccountMessage {
  if (channel === 'sms') return sms(accountSmsTemplates.reset[input.locale], input.link)
  const until = formatDate(input.expiresAt)
  return input.locale === 'ru'
    ? email(
        'Сброс пароля в Пропуске',
        [
          `Здравствуйте, ${input.displayName}!`,
          `Чтобы задать новый пароль, откройте ссылку (действует до ${until}). Если вы не запрашивали сброс, просто проигнорируйте это письмо.`,
        ],
        input.link,
      )
    : email(
        'Reset your Propusk password',
        [
          `Hello ${input.displayName},`,
          `To set a new password, open this link (valid until ${until}). If you did not ask for a reset, ignore this message.`,
        ],
        input.link,
      )
}

/** A link to one of the pages Propusk serves, e.g. `/invite?token=…`. */
export function pageLink(publicUrl: string, path: string, token: string): string {
  const url = new URL(path, publicUrl)
  url.searchParams.set('token', token)
  return url.toString()
}

/** The page each account link opens, and the short path of the same page that SMS links use. */
export const accountPages = {
  invitation: { page: '/invite', short: '/i' },
  reset: { page: '/reset-password', short: '/r' },
} as const

/**
 * Invitation and reset tokens are 16 random bytes: 128 bits cannot be guessed (each token is
 * single-use and expires), and their 22 base64url characters keep a Russian SMS in one segment.
 */
export const LINK_TOKEN_BYTES = 16

/** The link to send by `channel`: the short form in an SMS, the long, readable one elsewhere. */
export function accountLink(
  publicUrl: string,
  kind: keyof typeof accountPages,
  channel: DeliveryChannel,
  token: string,
): string {
  const { page, short } = accountPages[kind]
  if (channel !== 'sms') return pageLink(publicUrl, page, token)
  return new URL(`${short}/${encodeURIComponent(token)}`, publicUrl).toString()
}
