/**
 * A Worker that sends the e-mail it is given through this plugin's provider, for
 * test/runtime/resend-workerd.test.ts: the `resend` SDK's fetch, headers and abort signal must
 * work in workerd, not only in Node. Never deployed: only that test bundles it. It imports what
 * any plugin may, `propusk/plugin` by package name, which wrangler resolves like Node does.
 */
import { DeliveryError, type Logger, type OutboundMessage } from 'propusk/plugin'
import { createResendProvider } from './provider.ts'

/** Errors only, one JSON line each (the SDK gives plugins the Logger type, not a logger). */
const log: Logger = {
  debug() {},
  info() {},
  warn() {},
  error: (msg, fields) => console.error(JSON.stringify({ level: 'error', msg, ...fields })),
  child: () => log,
}

export default {
  async fetch(request: Request, env: { RESEND_BASE_URL: string }): Promise<Response> {
    const provider = createResendProvider(
      {
        apiKey: 're_workerd_key',
        from: 'Propusk <no-reply@example.com>',
        baseUrl: env.RESEND_BASE_URL,
        timeoutMs: 300,
        maxRetries: 2,
        retryDelayMs: 1,
      },
      log,
    )
    try {
      return Response.json(await provider.send((await request.json()) as OutboundMessage))
    } catch (error) {
      if (!(error instanceof DeliveryError)) throw error
      return Response.json({ code: error.code, retryable: error.retryable }, { status: 502 })
    }
  },
}
