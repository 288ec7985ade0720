/**
 * Shapes of the admin API's answers: the types generated from /openapi.json (./generated.ts,
 * kept current by test/console-api-types.test.ts) under the names the pages use.
 */
import type * as Api from './generated.ts'

export type { Operations } from './generated.ts'
export type User = Api.User
export type UserKind = Api.User['kind']
export type UserStatus = Api.User['status']

export interface Page<T> {
  items: T[]
  nextCursor: string | null
  /** The audit log's page: names of the ids it mentions. */
  names?: Record<string, string>
}

/**
 * The role editor composes permission ids from an area and a level (`users` + `write`), as
 * strings; the server checks them against its list (`Api.Role['permissions']`) on save.
 */
export type Role = Omit<Api.Role, 'permissions'> & { permissions: string[] }

export type SessionPolicy = Api.App['policy']

export type App = Api.App

export type Session = Api.Session

export type Invitation = Api.Invitation

export type ForwardingRule = Api.ForwardingRule

/** Names of the ids an audit page mentions (people, roles, apps, sessions, plugins). */
export type AuditNames = Record<string, string>

export type AuditItem = Api.AuditEntry

export type Delivery = Api.DeliveryLogEntry

export type OutboxMessage = Api.OutboxEntry

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

/** `/v1/plugins` publishes each plugin's settings as JSON Schema, read by the settings form. */
export type PluginInfo = Omit<
  Api.Operations['listPlugins']['response']['plugins'][number],
  'settingsSchema'
> & { settingsSchema: JsonSchema }

export type AppType = Api.ConsoleAppType

export type RecentSignIn = Api.ConsoleRecentSignIn

export type PluginSettings = Api.PluginSettings

export type Dashboard = Api.ConsoleDashboard
