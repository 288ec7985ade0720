import { api, type RequestOptions } from './client.ts'
import type {
  App,
  AppType,
  AuditItem,
  Dashboard,
  Delivery,
  ForwardingRule,
  Invitation,
  OutboxMessage,
  Page,
  PluginInfo,
  PluginSettings,
  Role,
  Session,
  User,
  UserKind,
  UserStatus,
} from './types.ts'
import type * as Api from './generated.ts'

/** The request and answer shapes of the admin API, generated from /openapi.json. */
export type UserDetail = Api.UserDetail
export type NewUserInput = Api.CreateUser
export type InvitationOutcome = Api.InvitationOutcome
export type ImportReport = Api.ImportReport
export type BlockInput = Api.BlockUser
export type BulkInput = Api.BulkUserAction
export type BulkResult = Api.BulkUserResult
export type UserAccess = Api.UserAccess

type Query = RequestOptions['query']
const enc = encodeURIComponent

/** Every admin API call the console makes, in one place. */
export const admin = {
  users: {
    list: (query: {
      q?: string
      kind?: UserKind
      status?: UserStatus | ''
      roleId?: string
      cursor?: string
      limit?: number
    }) => api<Page<User>>('/v1/admin/users', { query }),
    get: (id: string) => api<UserDetail>(`/v1/admin/users/${enc(id)}`),
    create: (body: NewUserInput) =>
      api<{ user: UserDetail; invitation: InvitationOutcome }>('/v1/admin/users', {
        method: 'POST',
        body,
      }),
    update: (id: string, body: Partial<NewUserInput>) =>
      api<UserDetail>(`/v1/admin/users/${enc(id)}`, { method: 'PATCH', body }),
    remove: (id: string) => api<void>(`/v1/admin/users/${enc(id)}`, { method: 'DELETE' }),
    block: (id: string, body: BlockInput = {}) =>
      api<{ user: User; sessionsEnded: number }>(`/v1/admin/users/${enc(id)}/block`, {
        method: 'POST',
        body,
      }),
    unblock: (id: string) =>
      api<{ user: User }>(`/v1/admin/users/${enc(id)}/unblock`, { method: 'POST' }),
    resendInvitation: (id: string, channel?: 'sms' | 'email') =>
      api<Invitation>(`/v1/admin/users/${enc(id)}/invitation`, {
        method: 'POST',
        body: channel ? { channel } : {},
      }),
    invitationLink: (id: string) =>
      api<{ invitation: Invitation; url: string }>(`/v1/admin/users/${enc(id)}/invitation-link`, {
        method: 'POST',
      }),
    access: (id: string) => api<UserAccess>(`/v1/admin/users/${enc(id)}/access`),
    bulk: (body: BulkInput) =>
      api<{ done: number; failed: number; results: BulkResult[] }>('/v1/admin/users/bulk', {
        method: 'POST',
        body,
      }),
    export: (query: Query) => api<string>('/v1/admin/users/export', { query }),
    revokeInvitation: (id: string) =>
      api<{ revoked: boolean }>(`/v1/admin/users/${enc(id)}/invitation`, { method: 'DELETE' }),
    passwordReset: (id: string) =>
      api<{ sent: true }>(`/v1/admin/users/${enc(id)}/password-reset`, { method: 'POST' }),
    sessions: (id: string) => api<{ items: Session[] }>(`/v1/admin/users/${enc(id)}/sessions`),
    endSession: (id: string, sessionId: string) =>
      api<void>(`/v1/admin/users/${enc(id)}/sessions/${enc(sessionId)}`, { method: 'DELETE' }),
    endAllSessions: (id: string) =>
      api<{ sessionsEnded: number }>(`/v1/admin/users/${enc(id)}/sessions`, { method: 'DELETE' }),
    import: (csv: string, dryRun: boolean, sendInvitations: boolean) =>
      api<ImportReport>('/v1/admin/users/import', {
        method: 'POST',
        body: { csv, dryRun, sendInvitations },
      }),
  },
  roles: {
    list: () => api<{ items: Role[] }>('/v1/admin/roles'),
    get: (id: string) => api<Role & { users: number }>(`/v1/admin/roles/${enc(id)}`),
    create: (body: Partial<Role>) => api<Role>('/v1/admin/roles', { method: 'POST', body }),
    update: (id: string, body: Partial<Role>) =>
      api<Role>(`/v1/admin/roles/${enc(id)}`, { method: 'PATCH', body }),
    remove: (id: string) => api<void>(`/v1/admin/roles/${enc(id)}`, { method: 'DELETE' }),
  },
  apps: {
    list: () => api<{ items: App[] }>('/v1/admin/apps'),
    get: (id: string) => api<App>(`/v1/admin/apps/${enc(id)}`),
    create: (body: Record<string, unknown>) =>
      api<{ app: App; clientSecret: string | null }>('/v1/admin/apps', { method: 'POST', body }),
    update: (id: string, body: Record<string, unknown>) =>
      api<App>(`/v1/admin/apps/${enc(id)}`, { method: 'PATCH', body }),
    rotateSecret: (id: string) =>
      api<{ clientSecret: string }>(`/v1/admin/apps/${enc(id)}/secret`, { method: 'POST' }),
    remove: (id: string) => api<void>(`/v1/admin/apps/${enc(id)}`, { method: 'DELETE' }),
  },
  forwarding: {
    list: (phone?: string) =>
      api<{ items: ForwardingRule[] }>('/v1/admin/sms-forwarding', { query: { phone } }),
    create: (body: { phone: string; email: string; enabled: boolean; note: string }) =>
      api<ForwardingRule>('/v1/admin/sms-forwarding', { method: 'POST', body }),
    update: (id: string, body: Partial<ForwardingRule>) =>
      api<ForwardingRule>(`/v1/admin/sms-forwarding/${enc(id)}`, { method: 'PATCH', body }),
    remove: (id: string) => api<void>(`/v1/admin/sms-forwarding/${enc(id)}`, { method: 'DELETE' }),
  },
  audit: (query: Query) => api<Page<AuditItem>>('/v1/admin/audit', { query }),
  auditExport: (query: Query) => api<string>('/v1/admin/audit/export', { query }),
  deliveries: (query: Query) => api<Page<Delivery>>('/v1/admin/deliveries', { query }),
  dashboard: (days: number) =>
    api<Dashboard>('/v1/admin/stats/dashboard', {
      query: { days, utcOffsetMinutes: -new Date().getTimezoneOffset(), recent: 8 },
    }),
  appTypes: () => api<{ items: AppType[] }>('/v1/admin/app-types'),
  plugins: () => api<{ plugins: PluginInfo[] }>('/v1/plugins', { anonymous: true }),
  pluginSettings: (id: string) => api<PluginSettings>(`/v1/admin/plugins/${enc(id)}/settings`),
  savePluginSettings: (id: string, values: Record<string, unknown>) =>
    api<PluginSettings>(`/v1/admin/plugins/${enc(id)}/settings`, {
      method: 'PUT',
      body: { values },
    }),
  // Live codes and links: the server wants an admin who may invite people (users:write).
  outbox: (query: Query) =>
    api<{ messages: OutboxMessage[] }>('/v1/providers/console-delivery/outbox', { query }),
}
