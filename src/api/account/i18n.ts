import { pickLang, type Lang } from '../../kernel/i18n/lang.ts'

export { pickLang, type Lang }

const en = {
  inviteTitle: 'Create your password',
  inviteIntro: (name: string, login: string) =>
    `Hello, ${name}! Confirm your registration: create the password you will use to sign in as ${login}.`,
  inviteInvalidTitle: 'This link no longer works',
  inviteInvalid:
    'The invitation link has expired, was already used or was replaced by a newer one. Ask your administrator to send a new invitation.',
  inviteDone: 'Your password is set and your account is active. You can now sign in to the app.',
  resetTitle: 'Set a new password',
  resetIntro: (login: string) =>
    `Choose a new password for ${login}. You will be signed out on every device.`,
  resetInvalidTitle: 'This link no longer works',
  resetInvalid: 'The password reset link has expired or was already used.',
  resetRequestLink: 'Request a new link',
  resetDone: 'Your new password is set. Sign in again with it.',
  forgotTitle: 'Forgot your password?',
  forgotIntro:
    'Enter your mobile phone or e-mail. If an account uses it, we will send a reset link.',
  forgotDone: 'If an account uses this login, a reset link is on its way. It works for one hour.',
  login: 'Phone or e-mail',
  send: 'Send the link',
  setupTitle: 'Create the first administrator',
  setupIntro:
    'This one-time link creates the administrator of this Propusk. Give your name, a login (e-mail and/or mobile phone) and a password.',
  setupDone:
    'The administrator is created. Sign in to the admin console with your e-mail or phone and this password.',
  setupInvalid:
    'This setup link is unknown, already used or expired. Restart the server to print a new one.',
  displayName: 'Your name',
  email: 'E-mail',
  phone: 'Mobile phone',
  password: 'Password',
  newPassword: 'New password',
  confirm: 'Repeat the password',
  passwordHint:
    'At least 8 characters. A phrase of several words is best; common passwords are refused.',
  save: 'Save the password',
  create: 'Create the administrator',
  noscript: 'This page needs JavaScript to submit the form.',
  working: 'Working…',
  mismatch: 'The two passwords differ.',
  failed: 'Something went wrong. Try again.',
  password_too_short: 'The password is too short: use at least 8 characters.',
  password_too_long: 'The password is too long: use at most 128 characters.',
  password_too_common: 'This password is too common. Choose another one.',
  password_contains_identity: 'The password must not contain your phone, e-mail or name.',
  rate_limited: 'Too many attempts. Wait a little and try again.',
}

export type Texts = typeof en

const ru: Texts = {
  inviteTitle: 'Создайте пароль',
  inviteIntro: (name, login) =>
    `Здравствуйте, ${name}! Подтвердите регистрацию: придумайте пароль, с которым будете входить как ${login}.`,
  inviteInvalidTitle: 'Ссылка больше не действует',
  inviteInvalid:
    'Срок действия приглашения истёк, ссылка уже использована или заменена новой. Попросите администратора отправить приглашение ещё раз.',
  inviteDone: 'Пароль сохранён, учётная запись активна. Теперь можно войти в приложение.',
  resetTitle: 'Новый пароль',
  resetIntro: (login) =>
    `Придумайте новый пароль для ${login}. Все ваши сеансы на других устройствах будут завершены.`,
  resetInvalidTitle: 'Ссылка больше не действует',
  resetInvalid: 'Срок действия ссылки для сброса пароля истёк или она уже использована.',
  resetRequestLink: 'Запросить новую ссылку',
  resetDone: 'Новый пароль сохранён. Войдите с ним заново.',
  forgotTitle: 'Забыли пароль?',
  forgotIntro:
    'Введите мобильный телефон или e-mail. Если он указан в учётной записи, мы пришлём ссылку для сброса.',
  forgotDone: 'Если такой логин есть, ссылка для сброса уже отправлена. Она действует один час.',
  login: 'Телефон или e-mail',
  send: 'Отправить ссылку',
  setupTitle: 'Первый администратор',
  setupIntro:
    'Эта одноразовая ссылка создаёт администратора этого Propusk. Укажите имя, логин (e-mail и/или мобильный телефон) и пароль.',
  setupDone:
    'Администратор создан. Войдите в консоль администратора по e-mail или телефону с этим паролем.',
  setupInvalid:
    'Ссылка неизвестна, уже использована или устарела. Перезапустите сервер, чтобы получить новую.',
  displayName: 'Ваше имя',
  email: 'E-mail',
  phone: 'Мобильный телефон',
  password: 'Пароль',
  newPassword: 'Новый пароль',
  confirm: 'Повторите пароль',
  passwordHint:
    'Не меньше 8 символов. Лучше всего фраза из нескольких слов; распространённые пароли не принимаются.',
  save: 'Сохранить пароль',
  create: 'Создать администратора',
  noscript: 'Для отправки формы на этой странице нужен JavaScript.',
  working: 'Отправляем…',
  mismatch: 'Пароли не совпадают.',
  failed: 'Что-то пошло не так. Попробуйте ещё раз.',
  password_too_short: 'Пароль слишком короткий: нужно не меньше 8 символов.',
  password_too_long: 'Пароль слишком длинный: не больше 128 символов.',
  password_too_common: 'Это слишком распространённый пароль. Придумайте другой.',
  password_contains_identity: 'Пароль не должен содержать ваш телефон, e-mail или имя.',
  rate_limited: 'Слишком много попыток. Подождите немного и попробуйте снова.',
}

export const texts: Record<Lang, Texts> = { en, ru }

/** The messages the page script shows, by outcome or error code. */
export function scriptMessages(t: Texts, success: string, invalid: string): Record<string, string> {
  return {
    success,
    invalid,
    invitation_invalid: invalid,
    reset_link_invalid: invalid,
    setup_link_invalid: invalid,
    working: t.working,
    mismatch: t.mismatch,
    failed: t.failed,
    password_too_short: t.password_too_short,
    password_too_long: t.password_too_long,
    password_too_common: t.password_too_common,
    password_contains_identity: t.password_contains_identity,
    rate_limited: t.rate_limited,
  }
}
