/** Shapes of the admin API's answers (the rest mirror src/core/identity/types.ts). */
// Types only (erased from the bundle): the server's own declarations, so the two cannot drift.
// Role, App and Session stay mirrored below: the admin API sends them with looser or fewer fields.
export type { User, UserKind, UserStatus } from '../../../src/core/identity/types.ts'

export interface Page<T> {
  items: T[]
  nextCursor: string | null
  /** The audit log's page: names of the ids it mentions. */
  names?: Record<string, string>
}

export interface Role {
  id: string
  name: string
  description: string
  appTypes: string[]
  permissions: string[]
  builtin: boolean
  createdAt: string
  updatedAt: string
}

export interface SessionPolicy {
  accessTokenTtlSeconds?: number
  refreshTokenAbsoluteTtlSeconds?: number
  refreshTokenIdleTtlSeconds?: number
}

export interface App {
  id: string
  name: string
  type: string
  enabled: boolean
  signInMethods: string[]
  policy: SessionPolicy
  redirectUris: string[]
  settings: Record<string, unknown>
  hasSecret: boolean
  createdAt: string
  updatedAt: string
}

export interface Session {
  id: string
  appId: string
  method: string
  deviceLabel: string | null
  ip: string | null
  userAgent: string | null
  createdAt: string
  lastUsedAt: string
  expiresAt: string
  idleExpiresAt: string
  revokedAt?: string | null
}

export interface Invitation {
  id: string
  channel: 'sms' | 'email'
  sentTo: string
  createdAt: string
  expiresAt: string
  acceptedAt: string | null
  revokedAt: string | null
  /** Copied by an admin to pass on, not sent. */
  copied?: boolean
}

export interface ForwardingRule {
  id: string
  phone: string
  email: string
  enabled: boolean
  note: string
  createdAt: string
  updatedAt: string
}

/** Names of the ids an audit page mentions (people, roles, apps, sessions, plugins). */
export type AuditNames = Record<string, string>

export interface AuditItem {
  id: string
  at: string
  actorType: string
  actorId: string | null
  action: string
  targetType: string | null
  targetId: string | null
  result: 'success' | 'failure' | 'denied'
  ip: string | null
  requestId: string | null
  appId: string | null
  details: Record<string, unknown>
}

export interface Delivery {
  id: string
  createdAt: string
  channel: 'sms' | 'email' | 'call'
  provider: string
  recipient: string
  appId: string | null
  appName?: string | null
  purpose: string
  status: 'queued' | 'sent' | 'delivered' | 'failed'
  providerMessageId: string | null
  errorCode: string | null
  errorMessage: string | null
  cost: { amount: string; currency: string } | null
}

export interface OutboxMessage {
  id: string
  channel: 'sms' | 'email' | 'call'
  recipient: string
  subject: string | null
  text: string | null
  purpose: string
  appId: string | null
  callerNumber: string | null
  createdAt: string
}

export type JsonSchema = {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  enum?: unknown[]
  const?: unknown
  default?: unknown
  description?: string
  title?: string
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  minLength?: number
  maxLength?: number
  pattern?: string
  format?: string
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  additionalProperties?: boolean | JsonSchema
}

export interface PluginInfo {
  id: string
  kind: 'sign-in-method' | 'client-app-type' | 'delivery-provider'
  name: string
  description?: string
  /** Name and description in other languages (`ru`); English is `name` and `description`. */
  localized?: Localized
  routePrefix: string
  settingsSchema: JsonSchema
}

export type Localized = Record<string, { name: string; description?: string }>

export interface AppType {
  id: string
  name: string
  description: string | null
  localized?: Localized
  clientKind: 'public' | 'confidential'
  defaultSignInMethods: string[]
  sessionPolicy: Required<SessionPolicy>
  registeredApps: number
}

export interface RecentSignIn {
  id: string
  at: string
  method: string
  result: 'success' | 'failure' | 'denied'
  userId: string | null
  userName: string | null
  appId: string | null
  appName: string | null
  reason: string | null
  next: string | null
}

export interface PluginSettings {
  pluginId: string
  values: Record<string, unknown>
  secretsSet: string[]
  fromEnv: string[]
  lockedByEnv: string[]
  updatedAt: string | null
  restartRequired: boolean
}

export interface Dashboard {
  dates: string[]
  signIns: Array<{ date: string; method: string; count: number }>
  signInsByApp: Array<{ date: string; appId: string; appName: string | null; count: number }>
  recentSignIns: RecentSignIn[]
  attempts: Array<{ date: string; failed: number; locked: number }>
  deliveries: Array<{
    channel: string
    provider: string
    total: number
    delivered: number
    sent: number
    queued: number
    failed: number
  }>
  people: { active: number; invited: number; blocked: number }
  activeSessions: number
}

export interface ImportRow {
  row: number
  status: 'created' | 'error' | 'skipped' | string
  userId?: string | null
  errors?: Array<{ field: string; message: string }>
  message?: string
}
