/**
 * What the one-time-code engine and its routes use from the app, and nothing more: a plugin
 * context (or the core services) satisfies it, and a reader sees at once which ports and
 * services a code flow can touch. `delivery` and `identity` are read when a request is handled
 * (they are built after the plugins mount), never while mounting.
 */
import type { SqlDatabase } from '../../kernel/ports/sql.ts'
import type { StateStore } from '../../kernel/ports/state.ts'
import type { Settings } from '../../kernel/config.ts'
import type { DeliveryService } from '../../kernel/delivery.ts'
import type { ErrorRegistry } from '../../kernel/errors.ts'
import type { AppRegistry, AuditLog, SessionService, UserDirectory } from '../identity/index.ts'
import type { Logger } from '../../kernel/logger.ts'
import type { Plugin } from '../../kernel/plugin.ts'
import type { OtpMethodRegistry } from './registry.ts'

export interface OtpDeps {
  config: Pick<Settings, 'OTP_SECRET' | 'SIGNING_KEYS' | 'PUBLIC_URL'>
  log: Logger
  errors: ErrorRegistry
  state: StateStore
  /** Only to log a delivery and its audit entry in one batch. */
  sql: Pick<SqlDatabase, 'batch'>
  now(): Date
  /** To check that an app's type is installed (a person's roles grant app types). */
  plugins: readonly Plugin[]
  readonly delivery: Pick<DeliveryService, 'sendUnlogged'>
  readonly identity: {
    users: Pick<UserDirectory, 'findForCodeSend' | 'get' | 'rolesOf'>
    apps: Pick<AppRegistry, 'cached' | 'get' | 'verifySecret'>
    audit: Pick<AuditLog, 'record'>
    sessions: Pick<SessionService, 'signIn'>
  }
  /** This app's code methods: each mounted method registers itself for the sign-in start. */
  otpMethods: OtpMethodRegistry
}
