import type { SignInLookup } from './store/sign-in-lookup.ts'
import type { CodeSendLookup } from './store/code-send-lookup.ts'
import type { App, AuditEntry, Role, Session, TokenSet, User } from './model/types.ts'

/** Looks people up by any login form (`8 916 ...`, `+7 (916) ...`, `Ivan@Example.com`). */
export interface UserDirectory {
  findByLogin(login: string): Promise<User | null>
  /**
   * One read for a sign-in: the app `clientId`, the person with this login and their password
   * hash (repositories/sign-in-lookup.ts).
   */
  findForSignIn(login: string, clientId: string): Promise<SignInLookup>
  /**
   * One read for a code send: the person with this login, what their roles grant and the phone's
   * SMS-forwarding address (repositories/code-send-lookup.ts). Null when the login does not parse.
   */
  findForCodeSend(login: string): Promise<CodeSendLookup | null>
  get(id: string): Promise<User | null>
  /** Roles of the user, resolved. */
  roles(userId: string): Promise<Role[]>
  /** Roles of a user already read (by their `roleIds`): one read fewer than `roles`. */
  rolesOf(user: User): Promise<Role[]>
  /** Marks an `invited` user `active` (after they create a password or prove their phone). */
  activate(userId: string): Promise<void>
}

export interface AppRegistry {
  get(clientId: string): Promise<App | null>
  /**
   * The app as this isolate read it at most 15 s ago (identity/store/app-cache.ts): for hints such as
   * which methods to offer, and where SQL re-checks the app before anything is granted.
   */
  cached(clientId: string): Promise<App | null>
  /** Checks a confidential client's secret. */
  verifySecret(clientId: string, secret: string): Promise<boolean>
}

export interface SignInRequest {
  /**
   * The person as the caller read it, or only the id: the session batch checks the status (and
   * reads the kind) in its own transaction either way, so a caller need not read the person.
   */
  user: User | Pick<User, 'id'>
  app: App
  /** The sign-in method plugin id, e.g. `password`, `sms-otp`. */
  method: string
  ip: string | null
  userAgent: string | null
  deviceLabel?: string | null
  requestId?: string | null
  /**
   * The app's secret as the client presented it (body or HTTP Basic). Required for confidential
   * app types (else `invalid_client`, audited); checked whenever it is sent. Optional, so methods
   * that do not pass it simply cannot serve confidential apps.
   */
  clientSecret?: string | null
}

/**
 * Issues and rotates tokens. `signIn` enforces the rules every method shares: the user is
 * active, the app is enabled and allows the method, and one of the user's roles grants the
 * app's type (else `app_access_denied`, audited).
 */
export interface SessionService {
  signIn(request: SignInRequest): Promise<TokenSet>
  /**
   * The refresh grant, client authentication included: `client` as presented (its secret
   * undefined when none was sent), checked like at any token endpoint.
   */
  refresh(
    refreshToken: string,
    client: { id: string; secret: string | undefined },
    context: { ip: string | null; requestId?: string | null },
  ): Promise<TokenSet>
  list(userId: string): Promise<Session[]>
  revoke(sessionId: string, reason: string): Promise<void>
  revokeAll(userId: string, reason: string): Promise<number>
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>
}

/** The identity services the core offers to routes and plugins. */
export interface IdentityServices {
  users: UserDirectory
  apps: AppRegistry
  sessions: SessionService
  audit: AuditLog
  invitations: InvitationService
  passwordResets: PasswordResetService
}

/** Who is calling, from a verified access token (set by the auth middleware). */
export interface Principal {
  userId: string
  sessionId: string
  appId: string
  appType: string
  roleIds: string[]
  permissions: import('./model/types.ts').Permission[]
}

export interface InvitationState {
  id: string
  channel: 'sms' | 'email'
  sentTo: string
  createdAt: string
  expiresAt: string
  acceptedAt: string | null
  revokedAt: string | null
  /** The link was handed to an admin to pass on (copied), not delivered by SMS or e-mail. */
  copied?: boolean
}

export interface ActionContext {
  /** The admin (user id) acting, or null for the system. */
  actorId: string | null
  ip?: string | null
  requestId?: string | null
}

/** R2: a single-use link by e-mail or SMS to a page where the person creates a password. */
export interface InvitationService {
  /**
   * Sends (or re-sends, retiring earlier links) the invitation of an `invited` user, by e-mail
   * when they have one, else by SMS, or by the `channel` asked for.
   */
  send(
    userId: string,
    context: ActionContext,
    options?: { channel?: InvitationState['channel'] },
  ): Promise<InvitationState>
  revoke(userId: string, context: ActionContext): Promise<boolean>
  latest(userId: string): Promise<InvitationState | null>
}

/** Reset by link: sent on request (enumeration-safe) or by an admin. */
export interface PasswordResetService {
  send(userId: string, context: ActionContext): Promise<void>
}

declare module '../../kernel/services.ts' {
  interface CoreServices {
    /**
     * People, apps, sessions, audit. Like `delivery`: available while handling requests (and in
     * `onStart`), throws when read during mounting.
     */
    readonly identity: IdentityServices
  }
  interface RequestVariables {
    /** Set by the auth middleware once a bearer token is verified. */
    principal: Principal
  }
}
