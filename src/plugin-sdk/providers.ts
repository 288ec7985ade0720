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
} from '../modules/delivery/index.ts'
export { maskRecipient } from '../modules/delivery/index.ts'
export {
  SMS_SEGMENT_BYTES,
  smsLength,
  smsPayloadBytes,
  type SmsLength,
} from '../modules/delivery/index.ts'
export type { DeliveryChannel, DeliveryStatusUpdate } from '../kernel/delivery.ts'
