/**
 * The slices of the core services that routes hand to module functions, so a function receives
 * what its module's deps.ts declares rather than the whole bag. Built once when routes mount;
 * the identity services are read through a getter, as the core services themselves do, so a
 * slice built before they exist reads them only when a request is handled.
 */
import type { CoreServices } from '../kernel/services.ts'
import type { ClientsDeps } from '../modules/clients/index.ts'
import type { OidcDeps } from '../modules/oidc/index.ts'

/** What client authentication reads: the error registry, the app types, the app registry. */
export function clientsDepsOf(services: CoreServices): ClientsDeps {
  return {
    errors: services.errors,
    plugins: services.plugins,
    get identity() {
      return services.identity
    },
  }
}

/** What redeeming an authorization code reads (it authenticates the client too). */
export function oidcDepsOf(services: CoreServices): OidcDeps {
  // Spelled out, not spread from clientsDepsOf: a spread would call the identity getter now.
  return {
    errors: services.errors,
    plugins: services.plugins,
    config: services.config,
    log: services.log,
    state: services.state,
    now: () => services.now(),
    get identity() {
      return services.identity
    },
  }
}
