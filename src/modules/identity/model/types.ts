/**
 * The identity model shared by the core, the admin API and sign-in method plugins. In model/,
 * with login normalisation, because both the module's services and its store (store/) use it:
 * the store imports model/, never the module's services, so the module's folders form no cycle.
 * Storage rows live in migrations/0002_identity.sql.
 */
export type UserKind = 'employee' | 'customer'
export type UserStatus = 'invited' | 'active' | 'blocked'

export interface User {
  id: string
  kind: UserKind
  displayName: string
  /** E.164, e.g. +79161234567. */
  phone: string | null
  /** Normalised, lower-case. */
  email: string | null
  status: UserStatus
  roleIds: string[]
  createdAt: string
  updatedAt: string
  activatedAt: string | null
  lastSignInAt: string | null
  /** Why an admin blocked the person (blocked people only; may be null). */
  blockedReason: string | null
  /** When the block ends by itself (ISO time); null: until an admin unblocks. */
  blockedUntil: string | null
  /** The language of their SMS and e-mails; null: chosen by their number and app. */
  locale: 'ru' | 'en' | null
}

export type Permission =
  | 'users:read'
  | 'users:write'
  | 'roles:read'
  | 'roles:write'
  | 'apps:read'
  | 'apps:write'
  | 'settings:read'
  | 'settings:write'
  | 'audit:read'

export interface Role {
  id: string
  name: string
  description: string
  /** Client app type plugin ids whose apps holders may enter (R7). */
  appTypes: string[]
  permissions: Permission[]
  builtin: boolean
  createdAt: string
  updatedAt: string
}

// The plugin contract hands apps to plugins (`offeredAt`), so the kernel defines the type.
export type { App } from '../../../kernel/types.ts'

export interface Session {
  id: string
  userId: string
  appId: string
  method: string
  deviceLabel: string | null
  ip: string | null
  userAgent: string | null
  createdAt: string
  lastUsedAt: string
  expiresAt: string
  idleExpiresAt: string
  revokedAt: string | null
  revokedReason: string | null
}

export interface TokenSet {
  accessToken: string
  tokenType: 'Bearer'
  /** Seconds. */
  expiresIn: number
  refreshToken: string
  sessionId: string
}

export interface AuditEntry {
  actorType: 'user' | 'app' | 'system' | 'anonymous'
  actorId?: string | null
  action: string
  targetType?: string | null
  targetId?: string | null
  result: 'success' | 'failure' | 'denied'
  ip?: string | null
  requestId?: string | null
  appId?: string | null
  details?: Record<string, unknown>
}
