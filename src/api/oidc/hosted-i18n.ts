/** Russian and English texts of the hosted sign-in pages. */
import type { Lang } from '../../kernel/i18n/lang.ts'

const en = {
  badRequestTitle: 'This sign-in link does not work',
  unknown_client: 'The app that sent you here is not registered. Go back to the app and try again.',
  bad_redirect_uri:
    'The app that sent you here asked to return to an address that is not registered for it.',
  expiredTitle: 'Sign-in expired',
  expired:
    'This sign-in page has expired or was opened in another browser. Go back to the app and start again.',
  signInTitle: 'Sign in',
  loginLabel: 'Mobile phone or e-mail',
  loginHint: 'For example +7 916 123-45-67 or name@example.com',
  continue: 'Continue',
  methodsTitle: 'How do you want to sign in?',
  methods: {
    password: 'With my password',
    'sms-otp': 'Code by SMS',
    'flash-call': 'Code by phone call',
    'email-otp': 'Code by e-mail',
  } as Record<string, string>,
  as: (login: string) => `Signing in as ${login}`,
  password: 'Password',
  signIn: 'Sign in',
  forgot: 'Forgot your password?',
  otherLogin: 'Use another phone or e-mail',
  codeTitle: 'Enter the code',
  codeSent: (to: string) => `We sent a code to ${to}.`,
  callSent: (to: string) =>
    `We are calling ${to}: the code is the last 4 digits of the calling number.`,
  code: 'Code',
  resend: 'Send a new code',
  registerTitle: 'Create your password',
  registerIntro:
    'Your phone is confirmed. Create the password for your account to finish your registration.',
  newPassword: 'New password',
  confirm: 'Repeat the password',
  passwordHint: 'At least 8 characters; common passwords are refused.',
  save: 'Save and sign in',
  signedOutTitle: 'You are signed out',
  signedOut: 'You can close this page.',
  otherLanguage: 'Русский',
  notices: {
    login_invalid: 'Enter a mobile phone number (e.g. +7 916 123-45-67) or an e-mail address.',
    no_methods: 'This app offers no way to sign in with this login.',
    invalid_credentials:
      'Wrong login or password. Not activated yet? Follow the link in your invitation, or sign in with a code by SMS to create your password.',
    account_not_active:
      'Your account is not activated yet: follow the link in your invitation first.',
    account_blocked: 'Your account is blocked. Contact your administrator.',
    too_many_attempts: 'Too many wrong passwords. Try again in {n} s.',
    code_invalid: 'The code is wrong. Tries left: {n}.',
    code_expired: 'This code has expired. Request a new one.',
    code_attempts_exhausted: 'Too many wrong codes. Try again in {n} s.',
    otp_locked: 'Too many wrong codes. Try again in {n} s.',
    resend_too_soon: 'You can request a new code in {n} s.',
    rate_limited: 'Too many attempts. Try again in {n} s.',
    call_failed: 'The call could not be placed. Try a code by SMS.',
    setup_token_invalid: 'This step has expired. Sign in again.',
    sign_in_method_not_allowed: 'This app does not offer this way to sign in.',
    mismatch: 'The two passwords differ.',
    password_too_short: 'The password is too short: at least 8 characters.',
    password_too_long: 'The password is too long.',
    password_too_common: 'This password is too common. Choose another one.',
    password_contains_identity: 'The password must not contain your phone, e-mail or name.',
    csrf: 'The form has expired. Try again.',
    failed: 'Something went wrong. Try again.',
  } as Record<string, string>,
}

export type HostedTexts = typeof en

const ru: HostedTexts = {
  badRequestTitle: 'Эта ссылка для входа не работает',
  unknown_client:
    'Приложение, которое вас сюда направило, не зарегистрировано. Вернитесь в приложение и попробуйте ещё раз.',
  bad_redirect_uri:
    'Приложение, которое вас сюда направило, просит вернуться по незарегистрированному адресу.',
  expiredTitle: 'Время входа истекло',
  expired:
    'Эта страница входа устарела или открыта в другом браузере. Вернитесь в приложение и начните заново.',
  signInTitle: 'Вход',
  loginLabel: 'Мобильный телефон или e-mail',
  loginHint: 'Например, +7 916 123-45-67 или name@example.com',
  continue: 'Продолжить',
  methodsTitle: 'Как вы хотите войти?',
  methods: {
    password: 'По паролю',
    'sms-otp': 'Код в SMS',
    'flash-call': 'Код звонком',
    'email-otp': 'Код на e-mail',
  },
  as: (login) => `Вход как ${login}`,
  password: 'Пароль',
  signIn: 'Войти',
  forgot: 'Забыли пароль?',
  otherLogin: 'Другой телефон или e-mail',
  codeTitle: 'Введите код',
  codeSent: (to) => `Мы отправили код на ${to}.`,
  callSent: (to) => `Мы звоним на ${to}: код — последние 4 цифры номера, с которого звонят.`,
  code: 'Код',
  resend: 'Отправить новый код',
  registerTitle: 'Придумайте пароль',
  registerIntro: 'Телефон подтверждён. Придумайте пароль, чтобы завершить регистрацию.',
  newPassword: 'Новый пароль',
  confirm: 'Повторите пароль',
  passwordHint: 'Не короче 8 символов; распространённые пароли не принимаются.',
  save: 'Сохранить и войти',
  signedOutTitle: 'Вы вышли',
  signedOut: 'Эту страницу можно закрыть.',
  otherLanguage: 'English',
  notices: {
    login_invalid: 'Введите номер мобильного телефона (например, +7 916 123-45-67) или e-mail.',
    no_methods: 'Это приложение не предлагает способа входа для этого логина.',
    invalid_credentials:
      'Неверный логин или пароль. Ещё не активировали учётную запись? Перейдите по ссылке из приглашения или войдите по коду из SMS, чтобы придумать пароль.',
    account_not_active:
      'Учётная запись ещё не активирована: сначала перейдите по ссылке из приглашения.',
    account_blocked: 'Ваша учётная запись заблокирована. Обратитесь к администратору.',
    too_many_attempts: 'Слишком много неверных паролей. Попробуйте через {n} с.',
    code_invalid: 'Неверный код. Осталось попыток: {n}.',
    code_expired: 'Срок действия кода истёк. Запросите новый.',
    code_attempts_exhausted: 'Слишком много неверных кодов. Попробуйте через {n} с.',
    otp_locked: 'Слишком много неверных кодов. Попробуйте через {n} с.',
    resend_too_soon: 'Новый код можно запросить через {n} с.',
    rate_limited: 'Слишком много попыток. Попробуйте через {n} с.',
    call_failed: 'Не удалось позвонить. Попробуйте код в SMS.',
    setup_token_invalid: 'Этот шаг устарел. Войдите заново.',
    sign_in_method_not_allowed: 'Это приложение не предлагает такой способ входа.',
    mismatch: 'Пароли не совпадают.',
    password_too_short: 'Пароль слишком короткий: не меньше 8 символов.',
    password_too_long: 'Пароль слишком длинный.',
    password_too_common: 'Этот пароль слишком распространён. Выберите другой.',
    password_contains_identity: 'Пароль не должен содержать ваш телефон, e-mail или имя.',
    csrf: 'Форма устарела. Попробуйте ещё раз.',
    failed: 'Что-то пошло не так. Попробуйте ещё раз.',
  },
}

export const hostedTexts: Record<Lang, HostedTexts> = { en, ru }

/** A notice by key, `{n}` filled in; unknown keys (e.g. a policy code) use `fallback`. */
export function noticeText(t: HostedTexts, key: string, n?: number, fallback?: string): string {
  const text = t.notices[key] ?? fallback ?? t.notices.failed ?? ''
  return text.replace('{n}', String(n ?? ''))
}
