/** Strings of the console's frame: session expiry, the current session, network failures, durations. */
export const shellEn = {
  'expired.title': 'Your session has ended',
  'expired.text':
    'Sign in again to carry on. Nothing on this page is lost: what you were doing is sent once you are back.',
  'expired.signOut': 'Sign out instead',
  'person.thisSession': 'This session',
  'person.endAllOwnText':
    'This includes the session you are using now: the console signs you out and asks you to sign in again.',
  'person.endOwnText': 'This is the session you are using now: the console signs you out.',
  'common.network': 'No connection to the server. Check the network and try again.',
  'duration.unit': 'Unit',
  'duration.unit.seconds': 'seconds',
  'duration.unit.minutes': 'minutes',
  'duration.unit.hours': 'hours',
  'duration.unit.days': 'days',
  'duration.default': 'Default for this type: {value}.',
  'duration.settingDefault': 'Default: {value}.',
  'common.checkFields': 'Not saved: check the fields marked in red.',
  'apps.redirectsCardHint': 'Where the app may be sent back after signing in in a browser.',
  'import.kind': 'Kind',
  'deliveries.anyProvider': 'Any provider',
  'grant.roleNeeds': 'The role “{role}” needs {permissions}, which you lack.',
  'grant.lack': 'You lack {permissions}.',
  'import.open': 'Open',
  'page.title': '{page} · Propusk',
} as const

export const shellRu: Record<keyof typeof shellEn, string> = {
  'expired.title': 'Сеанс завершён',
  'expired.text':
    'Войдите снова, чтобы продолжить. Ничего не потеряется: начатое действие выполнится после входа.',
  'expired.signOut': 'Выйти',
  'person.thisSession': 'Этот сеанс',
  'person.endAllOwnText':
    'Среди них и сеанс, в котором вы работаете: консоль выйдет из учётной записи и попросит войти снова.',
  'person.endOwnText': 'В этом сеансе вы сейчас работаете: консоль выйдет из учётной записи.',
  'common.network': 'Нет связи с сервером. Проверьте сеть и повторите.',
  'duration.unit': 'Единица',
  'duration.unit.seconds': 'секунды',
  'duration.unit.minutes': 'минуты',
  'duration.unit.hours': 'часы',
  'duration.unit.days': 'дни',
  'duration.default': 'По умолчанию для этого типа: {value}.',
  'duration.settingDefault': 'По умолчанию: {value}.',
  'common.checkFields': 'Не сохранено: проверьте поля, выделенные красным.',
  'apps.redirectsCardHint': 'Куда можно вернуть приложение после входа в браузере.',
  'import.kind': 'Тип',
  'deliveries.anyProvider': 'Любой провайдер',
  'grant.roleNeeds': 'Для роли «{role}» нужны права, которых у вас нет: {permissions}.',
  'grant.lack': 'Не хватает прав: {permissions}.',
  'import.open': 'Открыть',
  'page.title': '{page} · Пропуск',
}
