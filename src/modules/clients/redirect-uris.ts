import type { RedirectUriContext } from '../../kernel/plugin.ts'

/**
 * Redirect-URI rules shared by the client app type plugins (they may not import each other).
 * No rule accepts a fragment or credentials in the URI (RFC 6749 §3.1.2).
 */

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]'])

function clean(uri: URL): boolean {
  return !uri.hash && !uri.username && !uri.password
}

export function isLoopbackHttp(uri: URL): boolean {
  return uri.protocol === 'http:' && loopbackHosts.has(uri.hostname)
}

/** Browser apps: https only; plain http on loopback in development only. */
export function isWebRedirectUri(uri: URL, context?: RedirectUriContext): boolean {
  if (!clean(uri)) return false
  if (uri.protocol === 'https:') return true
  return context?.mode === 'development' && isLoopbackHttp(uri)
}

/**
 * Native apps (RFC 8252 §7): https app links, a private-use scheme in reverse-domain form
 * (`com.example.app:/callback`), or a loopback http redirect, which only reaches the device
 * itself and is allowed in production too.
 */
export function isNativeAppRedirectUri(uri: URL, _context?: RedirectUriContext): boolean {
  if (!clean(uri)) return false
  if (uri.protocol === 'https:' || isLoopbackHttp(uri)) return true
  const scheme = uri.protocol.slice(0, -1)
  return /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/.test(scheme)
}
