/**
 * What `resend` resolves to in the Worker bundle (wrangler.toml `[alias]`): the one call Propusk
 * makes, `new Resend(key, { baseUrl }).emails.send(email, { idempotencyKey, signal })`, with the
 * SDK's request and its `{ data, error }` answers, without the SDK's twenty other resource
 * clients (~7 KiB of the gzipped Worker). resend.test.ts runs both against the same answers and
 * requires the same requests and results; the Node and Deno servers use the SDK itself.
 */
/** The SDK version this mirrors, in the User-Agent; resend.test.ts fails when they differ. */
const version = '6.38.0'

export interface ResendError {
  name: string
  message: string
  statusCode: number | null
}

export interface ResendResult<T> {
  data: T | null
  error: ResendError | null
  headers: Record<string, string> | null
}

export interface SendEmail {
  from: string
  to: string | string[]
  subject: string
  html?: string
  text?: string
  replyTo?: string | string[]
  cc?: string | string[]
  bcc?: string | string[]
  headers?: Record<string, string>
  tags?: Array<{ name: string; value: string }>
  scheduledAt?: string
}

export interface RequestOptions {
  idempotencyKey?: string
  signal?: AbortSignal
  headers?: HeadersInit
}

const unreachable: ResendError = {
  name: 'application_error',
  statusCode: null,
  message: 'Unable to fetch data. The request could not be resolved.',
}

export class Resend {
  readonly emails: {
    send(email: SendEmail, options?: RequestOptions): Promise<ResendResult<{ id: string }>>
  }
  private readonly baseUrl: string
  private readonly headers: Headers

  constructor(key: string, options: { baseUrl?: string; userAgent?: string } = {}) {
    // The SDK falls back to process.env.RESEND_API_KEY; a Worker has no process.env.
    if (!key) throw new Error('Missing API key. Pass it to the constructor `new Resend("re_123")`')
    this.baseUrl = options.baseUrl ?? 'https://api.resend.com'
    this.headers = new Headers({
      Authorization: `Bearer ${key}`,
      'User-Agent': options.userAgent ?? `resend-node:${version}`,
      'Content-Type': 'application/json',
    })
    this.emails = { send: (email, options) => this.post('/emails', apiEmail(email), options) }
  }

  private async post<T>(path: string, body: unknown, options: RequestOptions = {}) {
    const headers = new Headers(this.headers)
    for (const [name, value] of new Headers(options.headers)) headers.set(name, value)
    if (options.idempotencyKey) headers.set('Idempotency-Key', options.idempotencyKey)
    const init: RequestInit = { method: 'POST', body: JSON.stringify(body), headers }
    if (options.signal) init.signal = options.signal
    return this.request<T>(path, init)
  }

  private async request<T>(path: string, init: RequestInit): Promise<ResendResult<T>> {
    try {
      const response = await fetch(`${this.baseUrl}${path}`, init)
      const headers = Object.fromEntries(response.headers)
      if (response.ok) return { data: (await response.json()) as T, error: null, headers }
      try {
        return { data: null, error: JSON.parse(await response.text()) as ResendError, headers }
      } catch (error) {
        if (init.signal?.aborted && error === init.signal.reason) throw error
        const message =
          error instanceof SyntaxError
            ? 'Internal server error. We are unable to process your request right now, please try again later.'
            : error instanceof Error
              ? error.message
              : response.statusText
        const failure = { name: 'application_error', statusCode: response.status, message }
        return { data: null, error: failure, headers }
      }
    } catch {
      return { data: null, error: unreachable, headers: null }
    }
  }
}

/** The SDK's camelCase fields as the API's snake_case ones (its `parseEmailToApiOptions`). */
function apiEmail(email: SendEmail) {
  return {
    bcc: email.bcc,
    cc: email.cc,
    from: email.from,
    headers: email.headers,
    html: email.html,
    reply_to: email.replyTo,
    scheduled_at: email.scheduledAt,
    subject: email.subject,
    tags: email.tags,
    text: email.text,
    to: email.to,
  }
}
