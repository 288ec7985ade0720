/**
 * Plugin settings in words, in both languages, by setting name (or `<plugin id>.<name>` where a
 * name means different things in different plugins). Durations carry no unit here: the console
 * shows them in minutes, hours or days next to the number. A setting missing from this table
 * falls back to the plugin's own schema title and description.
 */
type Words = { label: string; hint?: string }

/** Values of settings that are a choice, by value, in both languages. */
export const optionWords: Record<string, { en: string; ru: string }> = {
  'before-origin-line': { en: 'Before the last line', ru: 'Перед последней строкой' },
  end: { en: 'At the end', ru: 'В конце' },
  signed: { en: 'Signed requests', ru: 'Подписанные запросы' },
  basic: { en: 'Basic authentication', ru: 'Простая авторизация (Basic)' },
}

const w = (en: string, ru: string, enHint?: string, ruHint?: string) => ({
  en: { label: en, hint: enHint } as Words,
  ru: { label: ru, hint: ruHint } as Words,
})

export const settingWords: Record<string, { en: Words; ru: Words }> = {
  printToTerminal: w('Print every message to the terminal', 'Печатать каждое сообщение в терминал'),
  exposeOutbox: w(
    'Show the outbox (development mode only)',
    'Показывать «Исходящие» (только в режиме разработки)',
  ),
  linkTtlHours: w(
    'A first-administrator link works for',
    'Ссылка первого администратора действует',
  ),
  maxFailuresBeforeLockout: w(
    'Wrong passwords before the account is locked',
    'Неверных паролей до блокировки учётной записи',
  ),
  lockoutBaseSeconds: w(
    'First lockout',
    'Первая блокировка',
    'Each further failure doubles it.',
    'Каждая следующая ошибка удваивает её.',
  ),
  lockoutMaxSeconds: w('Longest lockout', 'Самая долгая блокировка'),
  maxFailuresPerIp: w(
    'Wrong passwords from one IP address before it is locked',
    'Неверных паролей с одного IP-адреса до его блокировки',
  ),
  codeLength: w('Digits in a code', 'Цифр в коде'),
  ttlSeconds: w('A code works for', 'Код действует'),
  resendAfterSeconds: w('Wait before sending another code', 'Пауза перед повторной отправкой кода'),
  maxAttemptsPerCode: w('Wrong tries per code', 'Неверных попыток на один код'),
  sendsPerLoginPerHour: w('Codes per login per hour', 'Кодов на один логин в час'),
  sendsPerLoginPerDay: w('Codes per login per day', 'Кодов на один логин в сутки'),
  sendsPerIpPerHour: w('Codes per IP address per hour', 'Кодов на один IP-адрес в час'),
  verifiesPerIpPer10Minutes: w(
    'Code checks per IP address per 10 minutes',
    'Проверок кода с одного IP-адреса за 10 минут',
  ),
  failuresBeforeLockout: w(
    'Wrong codes before a lockout',
    'Неверных кодов до блокировки',
    'Counted per login, across codes.',
    'Считаются по логину, по всем кодам.',
  ),
  lockoutSeconds: w('First lockout', 'Первая блокировка'),
  lockoutGrowthFactor: w(
    'Each further lockout is this many times longer',
    'Во сколько раз дольше каждая следующая блокировка',
  ),
  maxLockoutSeconds: w('Longest lockout', 'Самая долгая блокировка'),
  failureMemorySeconds: w(
    'Wrong codes are forgotten after',
    'Неверные коды забываются через',
    'Counted from the last wrong code.',
    'Считая от последнего неверного кода.',
  ),
  allowFirstSignIn: w(
    'Invited people may register by proving this login',
    'Приглашённые могут зарегистрироваться, подтвердив этот логин',
  ),
  setupTokenTtlSeconds: w(
    'Time to create a password after the first sign-in',
    'Время на создание пароля после первого входа',
  ),
  decoyMinDelayMs: w(
    'Shortest answer time of a send',
    'Наименьшее время ответа на отправку',
    'So that unknown logins cannot be told apart by timing.',
    'Чтобы по времени ответа нельзя было узнать, есть ли такой логин.',
  ),
  allowedCountries: w(
    'Countries whose numbers may receive codes',
    'Страны, на номера которых можно отправлять коды',
  ),
  mobileOnly: w('Refuse fixed-line numbers', 'Отклонять городские номера'),
  prefixDigits: w(
    'Leading digits that group numbers for the prefix limit',
    'Первые цифры номера, по которым считается лимит на префикс',
  ),
  sendsPerPrefixPerHour: w(
    'Codes per number prefix per hour',
    'Кодов на один префикс номера в час',
    'Against SMS pumping.',
    'Защита от накрутки SMS.',
  ),
  sendsPerCountryPerHour: w(
    'Codes per country per hour',
    'Кодов на одну страну в час',
    'Against SMS pumping.',
    'Защита от накрутки SMS.',
  ),
  androidHashPlacement: w(
    'Where the Android app hash goes in the SMS',
    'Где в SMS стоит хеш Android-приложения',
  ),
  issuer: w('Name shown in the authenticator app', 'Название в приложении-аутентификаторе'),
  maxFailures: w('Wrong codes before a pause', 'Неверных кодов до паузы'),
  'totp.lockoutSeconds': w(
    'First pause',
    'Первая пауза',
    'It doubles with each further one.',
    'Каждая следующая вдвое дольше.',
  ),
  'totp.maxLockoutSeconds': w('Longest pause', 'Самая долгая пауза'),
  enrolmentMinutes: w(
    'Time to enter the first code when adding the app',
    'Время на ввод первого кода при подключении приложения',
  ),
  accountSid: w('Account SID', 'Account SID'),
  authToken: w('Auth token', 'Auth token'),
  'twilio-sms.from': w('Sender number or name', 'Номер или имя отправителя'),
  messagingServiceSid: w(
    'Messaging service SID',
    'Messaging service SID',
    'Used instead of the sender when set.',
    'Если задан, используется вместо отправителя.',
  ),
  baseUrl: w('API address', 'Адрес API'),
  statusCallbacks: w(
    'Ask the provider to report delivery status',
    'Просить провайдера сообщать статус доставки',
  ),
  timeoutMs: w('Give up a request after', 'Прерывать запрос через'),
  maxRetries: w('Retries', 'Повторов'),
  retryDelayMs: w(
    'First retry after',
    'Первый повтор через',
    'Each further retry waits twice as long.',
    'Каждый следующий ждёт вдвое дольше.',
  ),
  apiKey: w('API key', 'Ключ API'),
  'resend-email.from': w(
    'Sender (an address on a verified domain)',
    'Отправитель (адрес на подтверждённом домене)',
  ),
  replyTo: w('Reply-to address', 'Адрес для ответа'),
  apiId: w('API id', 'API id'),
  applicationKey: w('Application key', 'Ключ приложения'),
  applicationSecret: w('Application secret', 'Секрет приложения'),
  auth: w('How requests are signed', 'Как подписываются запросы'),
  dialTimeoutSeconds: w('How long the phone rings', 'Сколько звонит телефон'),
  url: w('Address every channel posts to', 'Адрес, куда отправляются все каналы'),
  urls: w(
    'Addresses per channel',
    'Адреса по каналам',
    'They override the one above.',
    'Заменяют общий адрес.',
  ),
  secret: w('Signing key', 'Ключ подписи'),
}
