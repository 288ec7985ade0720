/**
 * What a delivery provider plugin needs to call its vendor (`providers`): one retried HTTP send
 * with the core's retry rules, reading vendor answers, selecting settings from env, masking
 * recipients in logs, and SMS length arithmetic.
 */
export {
  presentEnv,
  readJsonBody,
  requireWhenSelected,
  retrySettings,
  sendToProvider,
  type ProviderOutcome,
  type ProviderRetrySettings,
  type ProviderSendOptions,
} from '../core/delivery/provider-http.ts'
export { maskRecipient } from '../core/delivery/mask.ts'
export {
  SMS_SEGMENT_BYTES,
  smsLength,
  smsPayloadBytes,
  type SmsLength,
} from '../core/delivery/sms-length.ts'
export type { DeliveryChannel, DeliveryStatusUpdate } from '../core/delivery.ts'
