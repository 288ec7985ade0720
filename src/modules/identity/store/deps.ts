/**
 * What the identity module reads from the app, and nothing more. Each factory takes the slice
 * it uses (a `Pick` of this), so a reader sees at once which ports a repository can touch; the
 * core services satisfy every slice, so callers holding them pass them as they are.
 */
import type { Settings } from '../../../kernel/config.ts'
import type { ErrorRegistry } from '../../../kernel/errors.ts'
import type { Logger } from '../../../kernel/logger.ts'
import type { Plugin } from '../../../kernel/plugin.ts'
import type { SqlDatabase } from '../../../kernel/ports/sql.ts'

export interface IdentityDeps {
  sql: SqlDatabase
  now(): Date
  /** Redirect URIs are checked per mode (development allows plain http on localhost). */
  config: Pick<Settings, 'PROPUSK_MODE'>
  /** The installed client app types: what an app or a role may name. */
  plugins: readonly Plugin[]
  /** Only to register the module's error codes. */
  errors: ErrorRegistry
  /** Only to report an audit write that failed. */
  log: Pick<Logger, 'error'>
  /**
   * Blocking a person ends their sessions. The session service is built after the
   * repositories (it reads people and apps through them), so it is read when a block happens.
   * Spelled out here rather than imported: the store sits below the module's services.
   */
  readonly identity: {
    readonly sessions: { revokeAll(userId: string, reason: string): Promise<number> }
  }
}

/** The people repository: SQL, the clock and, to block, the session service. */
export type UserStoreDeps = Pick<IdentityDeps, 'sql' | 'now' | 'identity'>
/** The role repository: SQL, the clock and the app types a role may grant. */
export type RoleStoreDeps = Pick<IdentityDeps, 'sql' | 'now' | 'plugins'>
/** The app repository: SQL, the clock, the app types and the mode for redirect URIs. */
export type AppStoreDeps = Pick<IdentityDeps, 'sql' | 'now' | 'plugins' | 'config'>
