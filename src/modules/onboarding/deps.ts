/**
 * What the onboarding module reads from the app, and nothing more. Each function takes the
 * slice it uses (`OnboardingSlice`); the core services satisfy every slice, so routes holding
 * them pass them as they are, while the composition root hands the link-sending services the
 * user directory and audit log it has just built.
 */
import type { Settings } from '../../kernel/config.ts'
import type { DeliveryService } from '../../kernel/delivery.ts'
import type { Logger } from '../../kernel/logger.ts'
import type { Plugin } from '../../kernel/plugin.ts'
import type { SqlDatabase } from '../../kernel/ports/sql.ts'
import type { StateStore } from '../../kernel/ports/state.ts'
import type { AuditLog, SessionService, UserDirectory } from '../identity/index.ts'

export interface OnboardingDeps {
  sql: SqlDatabase
  now(): Date
  /** Links point at PUBLIC_URL; invitations last INVITATION_TTL_HOURS; passwords are peppered. */
  config: Pick<Settings, 'PUBLIC_URL' | 'INVITATION_TTL_HOURS' | 'PASSWORD_PEPPER'>
  /** Only to report a link that could not be delivered. */
  log: Pick<Logger, 'warn'>
  /** Only to clear a person's sign-in lockouts (one per sign-in method) after a reset. */
  state: StateStore
  plugins: readonly Plugin[]
  readonly delivery: Pick<DeliveryService, 'send'>
  readonly identity: {
    readonly users: Pick<UserDirectory, 'get'>
    readonly audit: Pick<AuditLog, 'record'>
    /** A completed reset signs the person out everywhere. */
    readonly sessions: Pick<SessionService, 'revokeAll'>
  }
}

type Identity = OnboardingDeps['identity']

/** The fields `K` of the deps and the identity services `I`. */
export type OnboardingSlice<K extends keyof OnboardingDeps, I extends keyof Identity> = Pick<
  OnboardingDeps,
  K
> & { readonly identity: Pick<Identity, I> }

/** What the invitation and password-reset services (which send links) read. */
export type LinkSendDeps = OnboardingSlice<
  'sql' | 'now' | 'config' | 'log' | 'delivery',
  'users' | 'audit'
>

/** What finding the person a link belongs to reads. */
export type LinkLookupDeps = OnboardingSlice<'sql' | 'now', 'users'>
