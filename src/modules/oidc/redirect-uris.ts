/**
 * The redirect URIs an app may use at `/authorize` and `/end_session`: those registered for it,
 * and for the built-in admin console also its own page, `<PUBLIC_URL>/admin/`, so the console
 * can sign in through the hosted pages on every install without anyone registering a URI
 * (PUBLIC_URL differs per install, so no migration could).
 */
import { consoleClientId } from '../clients/index.ts'
import type { App } from '../identity/index.ts'
import type { OidcDeps } from './deps.ts'

export const consoleRedirectUri = (core: { config: Pick<OidcDeps['config'], 'PUBLIC_URL'> }) =>
  `${core.config.PUBLIC_URL.replace(/\/+$/, '')}/admin/`

export function isRegisteredRedirectUri(
  core: { config: Pick<OidcDeps['config'], 'PUBLIC_URL'> },
  app: App,
  uri: string,
): boolean {
  if (app.redirectUris.includes(uri)) return true
  return app.id === consoleClientId && uri === consoleRedirectUri(core)
}
