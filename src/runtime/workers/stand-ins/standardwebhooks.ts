/**
 * Stands in for `standardwebhooks` in the Worker bundle (wrangler.toml `[alias]`). The `resend`
 * SDK imports it at load time but uses it only to verify webhooks that Resend sends to an app;
 * Propusk receives none. With its SHA-256 and base64 dependencies it is ~5 KB of the gzipped
 * bundle.
 */
export class Webhook {
  constructor() {
    throw new Error('Verifying Resend webhooks is not part of the Propusk Worker.')
  }
}
