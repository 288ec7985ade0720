/**
 * Stands in for `postal-mime` in the Worker and Node bundles (wrangler.toml `[alias]`,
 * src/runtime/node/build.mjs). The `resend` SDK imports it at load time but calls it only to
 * parse received (inbound) e-mail, which Propusk never does: it only sends. The parser and its
 * HTML entity table are ~22 KB of the gzipped Worker.
 */
export default class PostalMime {
  static parse(): never {
    throw new Error('Parsing received e-mail is not part of Propusk.')
  }
}
