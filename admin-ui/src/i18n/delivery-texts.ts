/** Strings of the live-provider card and its test message on the Sign-in & providers page. */
export const deliveryEn = {
  'plugins.subtitle':
    'Each plugin’s settings. A save applies at once on this server and within 5 seconds everywhere, without a restart.',
  'plugins.saved': 'Saved and applied.',
  'delivery.inUse': 'Delivery in use',
  'delivery.inUseHint':
    'The provider that sends each channel now. It is chosen in the server’s environment.',
  'delivery.to.sms': 'Phone for a test SMS',
  'delivery.to.email': 'E-mail for a test message',
  'delivery.to.call': 'Phone for a test call',
  'delivery.send.sms': 'Send a test SMS',
  'delivery.send.email': 'Send a test e-mail',
  'delivery.send.call': 'Place a test call',
  'delivery.sent': '{provider} accepted it: check {to}.',
}

export const deliveryRu: Record<keyof typeof deliveryEn, string> = {
  'plugins.subtitle':
    'Настройки каждого плагина. Сохранённое действует сразу на этом сервере и через 5 секунд везде, без перезапуска.',
  'plugins.saved': 'Сохранено и применено.',
  'delivery.inUse': 'Кто доставляет сейчас',
  'delivery.inUseHint': 'Провайдер каждого канала. Он выбирается в окружении сервера.',
  'delivery.to.sms': 'Телефон для проверочного SMS',
  'delivery.to.email': 'Адрес для проверочного письма',
  'delivery.to.call': 'Телефон для проверочного звонка',
  'delivery.send.sms': 'Отправить проверочное SMS',
  'delivery.send.email': 'Отправить проверочное письмо',
  'delivery.send.call': 'Позвонить для проверки',
  'delivery.sent': '{provider} принял сообщение: проверьте {to}.',
}
