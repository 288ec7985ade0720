/** The delivery module's public surface: other modules and the API import only this file. */
export {
  deliveryTotals,
  listDeliveryLog,
  recipientHash,
  type DeliveryLogQuery,
} from './log-store.ts'
export { maskRecipient } from './mask.ts'
export { createDeliveryService, type DeliveryDeps } from './service.ts'
export {
  ProviderNetworkError,
  channelsSelecting,
  presentEnv,
  providerFetch,
  readJsonBody,
  requireWhenSelected,
  retrySettings,
  sendToProvider,
  type ProviderFetchOptions,
  type ProviderOutcome,
  type ProviderRetrySettings,
  type ProviderSendOptions,
} from './provider-http.ts'
export { SMS_SEGMENT_BYTES, smsLength, smsPayloadBytes, type SmsLength } from './sms-length.ts'
