/**
 * Zod schemas of the admin API: they validate requests and generate `/openapi.json`. Logins are
 * normalised here (phones to E.164, e-mails lower-cased), so handlers only see canonical values.
 */
import { displayNameSchema, allPermissions } from '../../modules/identity/index.ts'
import * as z from 'zod'
import { errorResponse, errorSummary } from '../../kernel/http/api-docs.ts'
import {
  emailProblem,
  loginProblemCode,
  normalizeEmail,
  normalizePhone,
  phoneProblem,
} from '../../modules/identity/index.ts'

export const phoneInput = z
  .string()
  .max(40)
  .transform((value, ctx) => {
    const phone = normalizePhone(value)
    if (phone.ok) return phone.e164
    ctx.addIssue({
      code: 'custom',
      message: phoneProblem(phone.reason),
      params: { code: loginProblemCode('phone', phone.reason) },
    })
    return z.NEVER
  })
  .openapi({ description: 'Any common notation; stored as E.164', example: '8 916 123-45-67' })

export const emailInput = z
  .string()
  .max(254)
  .transform((value, ctx) => {
    const email = normalizeEmail(value)
    if (email.ok) return email.email
    ctx.addIssue({
      code: 'custom',
      message: emailProblem(email.reason),
      params: { code: loginProblemCode('email', email.reason) },
    })
    return z.NEVER
  })
  .openapi({ description: 'Stored trimmed and lower-case', example: 'Ivan.Petrov@example.com' })

const displayName = displayNameSchema
const id = z.string().min(1).max(100)
export const timestamp = z.string().openapi({ example: '2026-03-01T09:30:00.000Z' })
export const kind = z.enum(['employee', 'customer'])
export const status = z.enum(['invited', 'active', 'blocked'])
export const permission = z.enum(allPermissions)

export const idParam = z.object({ id: id.openapi({ param: { name: 'id', in: 'path' } }) })

export const limitQuery = z.coerce
  .number()
  .int()
  .min(1)
  .max(200)
  .default(50)
  .openapi({ description: 'Page size, at most 200', example: 50 })

export const cursorQuery = z
  .string()
  .max(500)
  .optional()
  .openapi({ description: 'The `nextCursor` of the previous page' })

/** Error responses shared by every admin route. */
export const guardedErrors = {
  400: errorResponse('`validation_failed`'),
  401: errorResponse('`unauthorized`: no or bad token'),
  403: errorResponse(
    '`forbidden`: not an admin-console token or missing permission; `role_grant_forbidden`: ' +
      'a role (given, taken or edited) has permissions you lack; `target_outranks_you`: the user ' +
      'holds permissions you lack',
  ),
} as const

export const notFoundError = { 404: errorResponse('`not_found`') } as const

export const conflictError = (codes: string) => ({ 409: errorResponse(codes) })

export const jsonBody = <T extends z.ZodType>(schema: T, description?: string) => ({
  required: true,
  ...(description ? { description } : {}),
  content: { 'application/json': { schema } },
})

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})

export const noContent = { 204: { description: 'Done' } } as const

// --- users -----------------------------------------------------------------------------------

export const userSchema = z
  .object({
    id: z.string().openapi({ example: 'usr_3k9dX...' }),
    kind,
    displayName: z.string(),
    phone: z.string().nullable().openapi({ example: '+79161234567' }),
    email: z.string().nullable().openapi({ example: 'ivan.petrov@example.com' }),
    status,
    roleIds: z.array(z.string()).openapi({ example: ['role_field_employee'] }),
    createdAt: timestamp,
    updatedAt: timestamp,
    activatedAt: timestamp.nullable(),
    lastSignInAt: timestamp.nullable(),
    blockedReason: z.string().nullable().openapi({ description: 'Why the person is blocked' }),
    blockedUntil: timestamp
      .nullable()
      .openapi({ description: 'When the block ends by itself; null: until unblocked' }),
    locale: z.enum(['ru', 'en']).nullable().openapi({
      description: 'Language of their SMS and e-mails; null: automatic',
    }),
  })
  .openapi('User')

export const roleSchema = z
  .object({
    id: z.string().openapi({ example: 'role_field_employee' }),
    name: z.string().openapi({ example: 'Field employee' }),
    description: z.string(),
    appTypes: z.array(z.string()).openapi({ example: ['engineer-mobile', 'api-only'] }),
    permissions: z.array(permission),
    builtin: z.boolean(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .openapi('Role')

export const invitationSchema = z
  .object({
    id: z.string(),
    channel: z.enum(['sms', 'email']),
    sentTo: z.string(),
    createdAt: timestamp,
    expiresAt: timestamp,
    acceptedAt: timestamp.nullable(),
    revokedAt: timestamp.nullable(),
    copied: z
      .boolean()
      .optional()
      .openapi({ description: 'The link was copied by an admin, not sent' }),
  })
  .openapi('Invitation')

export const userDetailSchema = userSchema
  .extend({
    roles: z.array(roleSchema),
    invitation: invitationSchema.nullable(),
    activeSessions: z.number().int(),
  })
  .openapi('UserDetail')

/** The person's message language; null: automatic (by their number and the app). */
const messageLocale = z
  .enum(['ru', 'en'])
  .nullable()
  .openapi({
    description:
      'Language of their SMS and e-mails; null: automatic (Russian for +7 numbers and e-mail, ' +
      'else English, or the app’s locale)',
  })

const roleIds = z
  .array(id)
  .max(20)
  .openapi({ example: ['role_field_employee'] })

export const createUserBody = z
  .object({
    kind,
    displayName,
    phone: phoneInput.nullish(),
    email: emailInput.nullish(),
    roleIds: roleIds.optional().openapi({
      description: 'Defaults to Field employee for employees and Customer for customers',
    }),
    locale: messageLocale.optional(),
    sendInvitation: z.boolean().default(true),
  })
  .refine((body) => body.phone || body.email, {
    message: 'a phone or an e-mail is required',
    path: ['phone'],
  })
  .openapi('CreateUser')

/** Delivery of the invitation, reported apart: the user exists even when sending failed. */
export const invitationOutcome = z
  .object({
    status: z.enum(['sent', 'failed', 'skipped']),
    invitation: invitationSchema.optional(),
    error: errorSummary.optional(),
  })
  .openapi('InvitationOutcome')

export const createUserResponse = z.object({
  user: userDetailSchema,
  invitation: invitationOutcome,
})

export const updateUserBody = z
  .object({
    kind: kind.optional(),
    displayName: displayName.optional(),
    phone: phoneInput.nullable().optional().openapi({ description: 'null removes the phone' }),
    email: emailInput.nullable().optional().openapi({ description: 'null removes the e-mail' }),
    roleIds: roleIds.optional().openapi({ description: 'Replaces the user’s roles' }),
    locale: messageLocale.optional(),
  })
  .strict()
  .refine((body) => Object.values(body).some((v) => v !== undefined), 'nothing to change')
  .openapi('UpdateUser')

export const listUsersQuery = z.object({
  q: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'Name, e-mail or phone substring', example: '916 123' }),
  kind: kind.optional(),
  status: status.optional(),
  roleId: id.optional(),
  cursor: cursorQuery,
  limit: limitQuery,
})

export const userPage = z
  .object({ items: z.array(userSchema), nextCursor: z.string().nullable() })
  .openapi('UserPage')

export const blockResponse = z.object({ user: userSchema, sessionsEnded: z.number().int() })

// --- sessions --------------------------------------------------------------------------------

export const sessionSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    appId: z.string(),
    appName: z.string().nullable().optional().describe('The app’s name (the session list)'),
    method: z.string().openapi({ example: 'password' }),
    deviceLabel: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    createdAt: timestamp,
    lastUsedAt: timestamp,
    expiresAt: timestamp,
    idleExpiresAt: timestamp,
    revokedAt: timestamp.nullable(),
    revokedReason: z.string().nullable(),
  })
  .openapi('Session')

export const sessionParams = z.object({
  id: id.openapi({ param: { name: 'id', in: 'path' } }),
  sessionId: id.openapi({ param: { name: 'sessionId', in: 'path' } }),
})

// --- audit -----------------------------------------------------------------------------------

const isoTime = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString())

export const auditQuery = z.object({
  actorId: id.optional(),
  action: z
    .string()
    .max(100)
    .optional()
    .openapi({ description: 'Prefix, e.g. `user.`', example: 'user.' }),
  targetType: z.string().max(50).optional(),
  targetId: id.optional(),
  result: z.enum(['success', 'failure', 'denied']).optional(),
  from: isoTime.optional().openapi({ description: 'Inclusive', example: '2026-03-01T00:00:00Z' }),
  to: isoTime.optional().openapi({ description: 'Exclusive', example: '2026-04-01T00:00:00Z' }),
  cursor: cursorQuery,
  limit: limitQuery,
})

export const auditEntrySchema = z
  .object({
    id: z.string(),
    at: timestamp,
    actorType: z.enum(['user', 'app', 'system', 'anonymous']),
    actorId: z.string().nullable(),
    action: z.string().openapi({ example: 'user.create' }),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    result: z.enum(['success', 'failure', 'denied']),
    ip: z.string().nullable(),
    requestId: z.string().nullable(),
    appId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEntry')

export const auditPage = z
  .object({
    items: z.array(auditEntrySchema),
    nextCursor: z.string().nullable(),
    names: z
      .record(z.string(), z.string())
      .describe('Names of the ids the page mentions (people, roles, apps, sessions, plugins)'),
  })
  .openapi('AuditPage')
