/**
 * RFC 8176 authentication method references for the sign-in methods: what an RP reads in the
 * id_token's `amr`. Unknown (plugin) methods fall back to their own id, which RFC 8176 allows
 * for values outside its registry.
 */
const byMethod: Record<string, string[]> = {
  password: ['pwd'],
  'sms-otp': ['otp', 'sms'],
  // The code is the caller's number: proof of the phone by a telephone call.
  'flash-call': ['otp', 'tel'],
  'email-otp': ['otp'],
  totp: ['otp', 'swk'],
}

export function amrOf(method: string): string[] {
  return byMethod[method] ?? [method]
}
