/**
 * The texts of invitation and reset messages, in Russian and English together: the person's
 * language is unknown when an admin creates them.
 */
import type { DeliveryChannel } from '../delivery.ts'

export interface AccountMessage {
  subject: string
  text: string
  html?: string
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string,
  )

function formatDate(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`
}

function email(subject: string, ru: string[], en: string[], link: string): AccountMessage {
  const text = [...ru, link, '', '—', '', ...en, link].join('\n')
  const button = `<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:10px 18px;background:#1f5eff;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(link)}</a></p>`
  const block = (lines: string[]) => lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')
  const html =
    `<div style="font-family:system-ui,sans-serif;max-width:560px;line-height:1.5">` +
    `${block(ru)}${button}<hr>${block(en)}${button}</div>`
  return { subject, text, html }
}

export function invitationMessage(
  channel: DeliveryChannel,
  input: { displayName: string; link: string; expiresAt: string },
): AccountMessage {
  const until = formatDate(input.expiresAt)
  if (channel === 'sms') {
    return {
      subject: 'Propusk',
      text: `Propusk: подтвердите регистрацию и создайте пароль / confirm and create your password: ${input.link}`,
    }
  }
  return email(
    'Приглашение в Propusk / Your Propusk invitation',
    [
      `Здравствуйте, ${input.displayName}!`,
      `Вас зарегистрировали в Propusk. Чтобы подтвердить регистрацию и создать пароль, откройте ссылку (действует до ${until}):`,
    ],
    [
      `Hello ${input.displayName},`,
      `An account was created for you in Propusk. To confirm it and create your password, open this link (valid until ${until}):`,
    ],
    input.link,
  )
}

export function passwordResetMessage(
  channel: DeliveryChannel,
  input: { displayName: string; link: string; expiresAt: string },
): AccountMessage {
  const until = formatDate(input.expiresAt)
  if (channel === 'sms') {
    return {
      subject: 'Propusk',
      text: `Propusk: сброс пароля / reset your password: ${input.link}`,
    }
  }
  return email(
    'Сброс пароля Propusk / Reset your Propusk password',
    [
      `Здравствуйте, ${input.displayName}!`,
      `Чтобы задать новый пароль, откройте ссылку (действует до ${until}). Если вы не запрашивали сброс, просто проигнорируйте это письмо.`,
    ],
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
