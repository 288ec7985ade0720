import { describe, expect, it } from 'vitest'
import { emailMessage } from './message.ts'

const app = (settings: Record<string, unknown> = {}) => ({
  id: 'web',
  name: 'Field <Web>',
  type: 'web',
  enabled: true,
  signInMethods: ['email-otp'],
  policy: {},
  redirectUris: [],
  settings,
  hasSecret: false,
  createdAt: '',
  updatedAt: '',
})

describe('e-mail with a code', () => {
  it('has a subject, text and HTML in Russian and English; the code is not in the subject', () => {
    const ru = emailMessage({
      code: '482193',
      app: app(),
      locale: 'ru',
      domain: 'x',
      settings: { ttlSeconds: 600 },
    })
    expect(ru.subject).toBe('Код для входа в Field <Web>')
    expect(ru.text).toBe(
      'Ваш код для входа в Field <Web>: 482193\n\nКод действует 10 мин. Если вы не входили, просто удалите это письмо: без кода в ваш аккаунт не войти.',
    )
    expect(ru.html).toContain('Field &lt;Web&gt;: <strong')
    expect(ru.html).toContain('>482193</strong>')
    const en = emailMessage({
      code: '482193',
      app: app(),
      locale: 'en',
      domain: 'x',
      settings: { ttlSeconds: 300 },
    })
    expect(en.subject).toBe('Your sign-in code for Field <Web>')
    expect(en.text).toContain('It works for 5 min.')
  })

  it('uses the app template and escapes it in HTML', () => {
    const message = emailMessage({
      code: '111222',
      app: app({
        otp: {
          'email-otp': { templates: { en: { subject: 'Code {code}', text: '<b>{code}</b>' } } },
        },
      }),
      locale: 'en',
      domain: 'x',
      settings: { ttlSeconds: 600 },
    })
    expect(message.subject).toBe('Code 111222')
    expect(message.html).toContain('&lt;b&gt;<strong')
  })
})
