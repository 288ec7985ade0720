import { DeliveryError } from 'propusk/plugin'

/**
 * What the `resend` SDK returns instead of throwing: Resend's error body
 * (https://resend.com/docs/api-reference/errors) with the HTTP status as `statusCode`, or
 * `statusCode: null` when no answer could be read (refused, timed out, dropped, not JSON).
 */
export interface ResendFailure {
  statusCode?: number | null
  name?: string
  message?: string
}

/**
 * Maps a failed send. Every retryable case is safe to retry because the same Idempotency-Key
 * makes Resend answer a repeat with the first result instead of sending again.
 */
export function resendError(failure: ResendFailure, timedOut = false): DeliveryError {
  const status = failure.statusCode
  const name = failure.name ?? 'unknown'
  if (status === null || status === undefined) {
    // The SDK folds every network failure into one error; a status-less JSON body is not
    // Resend's either (its errors always carry statusCode). Both are "something in the way".
    const why = timedOut ? 'did not answer in time' : 'could not be reached'
    return new DeliveryError(
      'provider_unavailable',
      `Resend ${why}: ${failure.message ?? name}`,
      true,
    )
  }
  const detail = `Resend ${status} ${name}: ${failure.message ?? 'no error body'}`
  if (status === 429) {
    // Quotas reset daily/monthly: retrying within seconds cannot help.
    const quota = name === 'daily_quota_exceeded' || name === 'monthly_quota_exceeded'
    return quota
      ? new DeliveryError('provider_rejected', detail)
      : new DeliveryError('provider_unavailable', detail, true)
  }
  if (status === 409 && name === 'concurrent_idempotent_requests') {
    return new DeliveryError('provider_unavailable', detail, true)
  }
  if (status >= 500) return new DeliveryError('provider_unavailable', detail, true)
  if (
    (status === 422 || status === 400) &&
    /[`'"]to[`'"]|\bto field|recipient/i.test(failure.message ?? '')
  ) {
    return new DeliveryError('invalid_recipient', detail)
  }
  // 401/403 (API key, unverified domain), invalid_from_address, other validation: our setup.
  return new DeliveryError('provider_rejected', detail)
}
