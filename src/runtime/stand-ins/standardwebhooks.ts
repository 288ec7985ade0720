/**
 * Stands in for `standardwebhooks` in the Worker and Node bundles (wrangler.toml `[alias]`,
 * src/runtime/node/build.mjs). The `resend` SDK imports it at load time but uses it only to
 * verify webhooks that Resend sends to an app; Propusk receives none. With its SHA-256 and base64
 * dependencies it is ~5 KB of the gzipped Worker.
 */
export class Webhook {
  constructor() {
    throw new Error('Verifying Resend webhooks is not part of Propusk.')
  }
}
