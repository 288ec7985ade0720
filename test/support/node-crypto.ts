/**
 * Node's own crypto, for tests that check our WebCrypto signatures (Twilio, Sinch, webhooks)
 * against an independent implementation. Kept here so that src/core and plugins stay free of
 * `node:` imports, tests included.
 */
export { createHash, createHmac } from 'node:crypto'
