/**
 * What the sessions module reads from the app, and nothing more. Each function takes the slice
 * it uses (a `Pick` of this); the core services satisfy every slice, so callers holding them
 * pass them as they are.
 */
import type { Settings } from '../../kernel/config.ts'
import type { ErrorRegistry } from '../../kernel/errors.ts'
import type { Logger } from '../../kernel/logger.ts'
import type { Plugin } from '../../kernel/plugin.ts'
import type { SqlDatabase } from '../../kernel/ports/sql.ts'
import type { StateStore } from '../../kernel/ports/state.ts'
import type { AppRegistry, AuditLog } from '../identity/index.ts'

export interface SessionsDeps {
  /** The issuer of access tokens, the keys that sign them (and derive refresh successors). */
  config: Pick<Settings, 'PUBLIC_URL' | 'SIGNING_KEYS' | 'REFRESH_GRACE_SECONDS'>
  /** To warn about an ephemeral signing key and report a rotation the checks disagree with. */
  log: Pick<Logger, 'warn' | 'error'>
  /** Sessions and refresh token families live in SQL. */
  sql: SqlDatabase
  /** Only for the hosted pages' client tickets. */
  state: StateStore
  now(): Date
  /** Only to register the OAuth error codes with the app's registry. */
  errors: ErrorRegistry
  /** The installed client app types: their session policy and client-authentication rule. */
  plugins: readonly Plugin[]
  /**
   * Of the identity services, only the app registry (a client's secret) and the audit log:
   * the composition root builds both before the session service and hands them over.
   */
  readonly identity: {
    readonly apps: Pick<AppRegistry, 'verifySecret'>
    readonly audit: Pick<AuditLog, 'record'>
  }
}

/** The signing keys: SIGNING_KEYS of the config, and a logger to warn when it is unset. */
export interface KeysDeps {
  config: { SIGNING_KEYS?: string | undefined }
  log: Pick<Logger, 'warn'>
}

/** A confidential app's secret or client ticket, checked before a code is spent. */
export interface ClientSecretDeps extends Pick<SessionsDeps, 'state' | 'plugins'> {
  readonly identity: { readonly apps: Pick<AppRegistry, 'verifySecret'> }
}

/** The refresh grant: it reads the app and its secret hash in its own batch, not the registry. */
export interface RefreshDeps extends Pick<SessionsDeps, 'sql' | 'now' | 'plugins'> {
  config: Pick<Settings, 'SIGNING_KEYS' | 'REFRESH_GRACE_SECONDS'>
  log: Pick<Logger, 'error'>
  readonly identity: { readonly audit: Pick<AuditLog, 'record'> }
}
