/**
 * What the OIDC module reads from the app, and nothing more. Each function takes the slice it
 * uses; the core services satisfy every slice, so callers holding them pass them as they are.
 */
import type { Settings } from '../../kernel/config.ts'
import type { ErrorRegistry } from '../../kernel/errors.ts'
import type { Logger } from '../../kernel/logger.ts'
import type { Plugin } from '../../kernel/plugin.ts'
import type { StateStore } from '../../kernel/ports/state.ts'
import type { AppRegistry, AuditLog, SessionService, UserDirectory } from '../identity/index.ts'

export interface OidcDeps {
  /** The issuer (and the console's own redirect URI) and the keys that sign ID tokens. */
  config: Pick<Settings, 'PUBLIC_URL' | 'SIGNING_KEYS'>
  /** Only to report a signing key that cannot be read. */
  log: Logger
  /** Authorization codes and granted scopes live in the state store. */
  state: StateStore
  now(): Date
  /** The client-authentication rule's answers and app types. */
  errors: ErrorRegistry
  plugins: readonly Plugin[]
  /** Read while a code is redeemed: the identity services are built after the routes mount. */
  readonly identity: {
    readonly apps: Pick<AppRegistry, 'get' | 'verifySecret'>
    readonly audit: Pick<AuditLog, 'record'>
    readonly sessions: Pick<SessionService, 'revoke'>
    readonly users: Pick<UserDirectory, 'get'>
  }
}
