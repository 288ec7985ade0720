/**
 * A Worker that sends the e-mail it is given through this plugin's provider, for
 * test/runtime/resend-workerd.test.ts: the `resend` SDK's fetch, headers and abort signal must work in workerd, not
 * only in Node. Never deployed: only that test bundles it.
 */
import { DeliveryError, type OutboundMessage } from 'propusk/plugin'
import { createLogger } from '../../../src/plugin-sdk/core.ts'
import { createResendProvider } from './provider.ts'

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
      createLogger({ level: 'error' }),
    )
    try {
      return Response.json(await provider.send((await request.json()) as OutboundMessage))
    } catch (error) {
      if (!(error instanceof DeliveryError)) throw error
      return Response.json({ code: error.code, retryable: error.retryable }, { status: 502 })
    }
  },
}
