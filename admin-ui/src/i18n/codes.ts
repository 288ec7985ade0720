/**
 * Words for the codes the server sends (error codes, audit actions, sign-in methods, delivery
 * purposes, actor and target types, refusal reasons). An unknown code falls back to the server's
 * own message, or to the code itself, so a new plugin never breaks a page.
 */
type Table = Record<string, { en: string; ru: string }>

export const errorCodes: Table = {
  invitation_channel_unavailable: {
    en: 'This person has no login for that channel (a phone for SMS, an address for e-mail).',
    ru: 'У человека нет логина для этого способа (телефона для SMS или адреса для e-mail).',
  },
  bad_request: { en: 'The request is malformed.', ru: 'Некорректный запрос.' },
  validation_failed: { en: 'Some fields are invalid.', ru: 'Некоторые поля заполнены неверно.' },
  unauthorized: { en: 'Please sign in again.', ru: 'Войдите снова.' },
  forbidden: { en: 'Your roles do not allow this.', ru: 'Ваши роли не разрешают это.' },
  current_password_incorrect: {
    en: 'The current password is wrong.',
    ru: 'Текущий пароль неверен.',
  },
  password_too_common: {
    en: 'This password is too common; choose another.',
    ru: 'Этот пароль слишком распространён; выберите другой.',
  },
  setup_link_invalid: {
    en: 'This setup link is used up or expired.',
    ru: 'Эта ссылка уже использована или истекла.',
  },
  request_timeout: { en: 'The server took too long.', ru: 'Сервер не ответил вовремя.' },
  unsupported_media_type: { en: 'Unsupported data format.', ru: 'Неподдерживаемый формат данных.' },
  totp_code_incorrect: { en: 'The code is wrong.', ru: 'Неверный код.' },
  twilio_not_configured: {
    en: 'Twilio is not configured.',
    ru: 'Twilio не настроен.',
  },
  not_found: { en: 'Not found.', ru: 'Не найдено.' },
  conflict: { en: 'This already exists.', ru: 'Такая запись уже есть.' },
  payload_too_large: { en: 'The data is too large.', ru: 'Слишком большой объём данных.' },
  rate_limited: {
    en: 'Too many requests; try again in a minute.',
    ru: 'Слишком много запросов; попробуйте через минуту.',
  },
  internal_error: {
    en: 'Something went wrong on the server.',
    ru: 'На сервере что-то пошло не так.',
  },
  dependency_unavailable: {
    en: 'A service Propusk depends on is unavailable.',
    ru: 'Недоступен сервис, от которого зависит Пропуск.',
  },
  invalid_credentials: {
    en: 'The login or password is wrong, or the account is not active.',
    ru: 'Неверный логин или пароль, либо учётная запись не активна.',
  },
  too_many_attempts: {
    en: 'Too many wrong attempts; sign-in is locked for a while.',
    ru: 'Слишком много неудачных попыток; вход временно заблокирован.',
  },
  account_not_active: {
    en: 'The account is not activated yet: the invitation comes first.',
    ru: 'Учётная запись ещё не активирована: сначала нужно принять приглашение.',
  },
  account_blocked: { en: 'This account is blocked.', ru: 'Эта учётная запись заблокирована.' },
  app_not_found: { en: 'No such app (client id).', ru: 'Нет такого приложения (client id).' },
  app_disabled: { en: 'This app is disabled.', ru: 'Это приложение отключено.' },
  sign_in_method_not_allowed: {
    en: 'This sign-in method is not enabled for this app.',
    ru: 'Этот способ входа не включён для приложения.',
  },
  app_access_denied: {
    en: 'Their roles do not grant access to this app.',
    ru: 'Роли не дают доступа к этому приложению.',
  },
  invalid_client: {
    en: 'Client authentication failed (a confidential app needs its secret).',
    ru: 'Приложение не прошло проверку (конфиденциальному клиенту нужен секрет).',
  },
  resend_too_soon: {
    en: 'A code was sent a moment ago; wait before asking again.',
    ru: 'Код только что отправлен; подождите перед повторной отправкой.',
  },
  otp_locked: {
    en: 'Too many wrong codes; try again later.',
    ru: 'Слишком много неверных кодов; попробуйте позже.',
  },
  code_invalid: { en: 'The code is wrong.', ru: 'Неверный код.' },
  code_attempts_exhausted: {
    en: 'Too many wrong tries for this code; request a new one.',
    ru: 'Слишком много попыток для этого кода; запросите новый.',
  },
  code_expired: {
    en: 'The code has expired; request a new one.',
    ru: 'Срок действия кода истёк; запросите новый.',
  },
  country_not_allowed: {
    en: 'Codes cannot be sent to numbers of this country.',
    ru: 'Коды нельзя отправлять на номера этой страны.',
  },
  phone_not_mobile: {
    en: 'Codes can only be sent to mobile numbers.',
    ru: 'Коды отправляются только на мобильные номера.',
  },
  login_kind_not_supported: {
    en: 'This method does not work with this kind of login.',
    ru: 'Этот способ не подходит для такого логина.',
  },
  otp_delivery_unavailable: {
    en: 'The code could not be sent right now; try again in a minute.',
    ru: 'Сейчас не удалось отправить код; попробуйте через минуту.',
  },
  phone_taken: {
    en: 'Another person already has this phone.',
    ru: 'Этот телефон уже у другого человека.',
  },
  email_taken: {
    en: 'Another person already has this e-mail.',
    ru: 'Этот e-mail уже у другого человека.',
  },
  logins_taken: {
    en: 'Other people already have this phone and this e-mail.',
    ru: 'Этот телефон и этот e-mail уже у других людей.',
  },
  role_name_taken: {
    en: 'Another role already has this name.',
    ru: 'Роль с таким названием уже есть.',
  },
  role_builtin: {
    en: 'Built-in roles can be edited but not deleted.',
    ru: 'Встроенные роли можно менять, но не удалять.',
  },
  role_in_use: {
    en: 'People still hold this role; take it from them first.',
    ru: 'Эта роль ещё назначена людям; сначала снимите её.',
  },
  app_id_taken: {
    en: 'Another app already has this client id.',
    ru: 'Этот client id уже занят другим приложением.',
  },
  forwarding_rule_exists: {
    en: 'This phone already has a forwarding rule.',
    ru: 'Для этого телефона пересылка уже настроена.',
  },
  self_action_forbidden: {
    en: 'You cannot do this to your own account or session.',
    ru: 'Это нельзя сделать со своей учётной записью или сессией.',
  },
  last_administrator: {
    en: 'This would leave Propusk without an administrator.',
    ru: 'Тогда в Пропуске не останется ни одного администратора.',
  },
  role_grant_forbidden: {
    en: 'You can only give or take roles whose permissions you hold yourself.',
    ru: 'Можно выдавать и снимать только роли, права которых есть у вас самих.',
  },
  target_outranks_you: {
    en: 'This person holds permissions you do not have.',
    ru: 'У этого человека есть права, которых нет у вас.',
  },
  invitation_invalid: {
    en: 'The invitation link is unknown, used or expired.',
    ru: 'Ссылка-приглашение неизвестна, использована или устарела.',
  },
  delivery_failed: {
    en: 'The message could not be delivered; try again later.',
    ru: 'Сообщение не удалось доставить; попробуйте позже.',
  },
}

export const actions: Table = {
  'user.create': { en: 'Person added', ru: 'Добавлен человек' },
  'user.update': { en: 'Person changed', ru: 'Изменены данные' },
  'user.delete': { en: 'Person deleted', ru: 'Человек удалён' },
  'user.block': { en: 'Blocked', ru: 'Заблокирован' },
  'user.unblock': { en: 'Unblocked', ru: 'Разблокирован' },
  'user.import': { en: 'CSV import', ru: 'Импорт CSV' },
  'user.complete_registration': { en: 'Password created', ru: 'Пароль создан' },
  'role.create': { en: 'Role created', ru: 'Роль создана' },
  'role.update': { en: 'Role changed', ru: 'Роль изменена' },
  'role.delete': { en: 'Role deleted', ru: 'Роль удалена' },
  'app.create': { en: 'App registered', ru: 'Приложение зарегистрировано' },
  'app.update': { en: 'App changed', ru: 'Приложение изменено' },
  'app.delete': { en: 'App deleted', ru: 'Приложение удалено' },
  'app.rotate_secret': { en: 'App secret replaced', ru: 'Секрет приложения заменён' },
  'forwarding.create': { en: 'SMS forwarding on', ru: 'Пересылка SMS включена' },
  'forwarding.update': { en: 'SMS forwarding changed', ru: 'Пересылка SMS изменена' },
  'forwarding.delete': { en: 'SMS forwarding removed', ru: 'Пересылка SMS удалена' },
  'invitation.send': { en: 'Invitation sent', ru: 'Приглашение отправлено' },
  'invitation.link': { en: 'Invitation link copied', ru: 'Ссылка-приглашение скопирована' },
  'user.export': { en: 'People exported', ru: 'Люди выгружены' },
  'audit.export': { en: 'Audit log exported', ru: 'Журнал выгружен' },
  'invitation.accept': { en: 'Invitation accepted', ru: 'Приглашение принято' },
  'invitation.revoke': { en: 'Invitation revoked', ru: 'Приглашение отозвано' },
  'password_reset.send': { en: 'Reset link sent', ru: 'Ссылка для сброса отправлена' },
  'password_reset.request': { en: 'Reset requested', ru: 'Запрошен сброс пароля' },
  'password_reset.complete': { en: 'Password reset', ru: 'Пароль сброшен' },
  'password.change': { en: 'Password changed', ru: 'Пароль изменён' },
  'session.list': { en: 'Sessions viewed', ru: 'Просмотр сессий' },
  'session.revoke': { en: 'Session ended', ru: 'Сессия завершена' },
  'session.revoke_all': { en: 'All sessions ended', ru: 'Все сессии завершены' },
  'token.refresh': { en: 'Token refreshed', ru: 'Токен обновлён' },
  'token.authorization_code': {
    en: 'Signed in through the browser (code exchanged)',
    ru: 'Вход через браузер (код обменян на токены)',
  },
  'otp.send': { en: 'Code sent', ru: 'Код отправлен' },
  sign_out: { en: 'Signed out', ru: 'Выход' },
  'plugin.settings.update': { en: 'Plugin settings saved', ru: 'Настройки плагина сохранены' },
  'audit.query': { en: 'Audit log read', ru: 'Просмотр журнала' },
  'setup.first_admin': { en: 'First administrator created', ru: 'Создан первый администратор' },
  'setup.recovery_admin': {
    en: 'Administrator recovered',
    ru: 'Доступ администратора восстановлен',
  },
  'setup.recovery_link_issued': { en: 'Recovery link issued', ru: 'Выдана ссылка восстановления' },
}

export const methods: Table = {
  password: { en: 'Password', ru: 'Пароль' },
  'sms-otp': { en: 'SMS code', ru: 'Код из SMS' },
  'email-otp': { en: 'E-mail code', ru: 'Код из письма' },
  'flash-call': { en: 'Flash call', ru: 'Звонок-сброс' },
  'setup-link': { en: 'Setup link', ru: 'Ссылка настройки' },
  refresh_token: { en: 'Token refresh', ru: 'Обновление токена' },
}

export const purposes: Table = {
  otp: { en: 'Sign-in code', ru: 'Код входа' },
  'sign-in-code': { en: 'Sign-in code', ru: 'Код входа' },
  recovery: { en: 'Administrator recovery', ru: 'Восстановление администратора' },
  invitation: { en: 'Invitation', ru: 'Приглашение' },
  password_reset: { en: 'Password reset', ru: 'Сброс пароля' },
  forwarding: { en: 'Forwarded SMS', ru: 'Пересланное SMS' },
  test: { en: 'Test message', ru: 'Тестовое сообщение' },
}

export const actorTypes: Table = {
  user: { en: 'Person', ru: 'Человек' },
  app: { en: 'App', ru: 'Приложение' },
  system: { en: 'System', ru: 'Система' },
  anonymous: { en: 'Anonymous', ru: 'Аноним' },
  session: { en: 'Session', ru: 'Сессия' },
  role: { en: 'Role', ru: 'Роль' },
  invitation: { en: 'Invitation', ru: 'Приглашение' },
  plugin: { en: 'Plugin', ru: 'Плагин' },
  forwarding: { en: 'Forwarding', ru: 'Пересылка' },
}

/** Refusal reasons in audit details that are not error codes. */
export const reasons: Table = {
  block_expired: { en: 'The block ended', ru: 'Блокировка закончилась' },
  unknown_login: { en: 'Unknown login', ru: 'Неизвестный логин' },
  wrong_password: { en: 'Wrong password', ru: 'Неверный пароль' },
  locked_out: { en: 'Locked out', ru: 'Вход заблокирован' },
  unknown_challenge: { en: 'Unknown code request', ru: 'Неизвестный запрос кода' },
  expired_or_superseded: { en: 'Code expired or replaced', ru: 'Код устарел или заменён' },
  client_mismatch: { en: 'Wrong app credentials', ru: 'Неверные данные приложения' },
  password_required: { en: 'Must create a password', ru: 'Нужно создать пароль' },
  wrong_code: { en: 'Wrong code', ru: 'Неверный код' },
  attempts_exhausted: { en: 'Too many wrong codes', ru: 'Слишком много неверных кодов' },
  user_blocked: { en: 'Person is blocked', ru: 'Человек заблокирован' },
  account_gone: { en: 'Account deleted', ru: 'Учётная запись удалена' },
  refresh_token_reuse: {
    en: 'An old session token was used again',
    ru: 'Повторно использован старый ключ сеанса',
  },
  provider_rejected: { en: 'The provider refused', ru: 'Провайдер отказал' },
  provider_unavailable: { en: 'The provider did not answer', ru: 'Провайдер не ответил' },
  call_failed: { en: 'The call failed', ru: 'Звонок не удался' },
  no_open_invitation: { en: 'No open invitation', ru: 'Нет действующего приглашения' },
  reset_link_invalid: { en: 'Reset link not valid', ru: 'Ссылка для сброса недействительна' },
  setup_link_invalid: { en: 'Setup link not valid', ru: 'Ссылка настройки недействительна' },
  setup_token_invalid: {
    en: 'Password-creation step expired',
    ru: 'Шаг создания пароля истёк',
  },
}
