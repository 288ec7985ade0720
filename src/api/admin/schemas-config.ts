/** Schemas of the configuration resources: roles (R7), apps, SMS forwarding rules (R11). */
import * as z from 'zod'
import { appPolicySchema } from '../../modules/identity/index.ts'
import { appOtpOverridesSchema } from '../../modules/otp/index.ts'
import { emailInput, permission, phoneInput, timestamp } from './schemas.ts'

/** Per-app extras; known keys are checked, others kept as plain values. */
export const appSettingsSchema = z
  .object({
    /** Android SMS Retriever hash: 11 base64 characters. */
    androidAppHash: z
      .string()
      .regex(/^[A-Za-z0-9+/]{11}$/, 'must be the 11-character app hash')
      .optional(),
    /** WebOTP (`@domain #code`) origin host. No regex flags: they would not survive into OpenAPI. */
    webOtpDomain: z
      .string()
      .max(253)
      .regex(
        /^(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/,
        'must be a host name, e.g. app.example.com',
      )
      .optional(),
    /** Per one-time-code method: setting overrides and message templates (docs/otp.md). */
    otp: appOtpOverridesSchema.optional(),
  })
  .catchall(z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]))

// --- roles -----------------------------------------------------------------------------------

const roleFields = {
  name: z.string().trim().min(1).max(100).openapi({ example: 'Dispatcher' }),
  description: z.string().max(500).optional(),
  appTypes: z
    .array(z.string().max(50))
    .max(50)
    .openapi({ example: ['web', 'api-only'] }),
  permissions: z
    .array(permission)
    .max(20)
    .openapi({ example: ['users:read'] }),
}

export const createRoleBody = z.object(roleFields).strict().openapi('CreateRole')

export const updateRoleBody = z
  .object(roleFields)
  .partial()
  .strict()
  .refine((body) => Object.values(body).some((v) => v !== undefined), 'nothing to change')
  .openapi('UpdateRole')

// --- apps ------------------------------------------------------------------------------------

export const appSchema = z
  .object({
    id: z.string().openapi({ example: 'engineer-app' }),
    name: z.string(),
    type: z.string().openapi({ example: 'engineer-mobile' }),
    enabled: z.boolean(),
    signInMethods: z.array(z.string()).openapi({ example: ['password', 'sms-otp'] }),
    policy: appPolicySchema,
    redirectUris: z.array(z.string()),
    settings: z.record(z.string(), z.unknown()),
    hasSecret: z.boolean(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .openapi('App')

const appFields = {
  name: z.string().trim().min(1).max(100).openapi({ example: 'Engineer app (Android)' }),
  enabled: z.boolean().optional(),
  signInMethods: z.array(z.string().max(50)).max(20).optional(),
  policy: appPolicySchema.optional().openapi({ example: { accessTokenTtlSeconds: 600 } }),
  redirectUris: z.array(z.string().max(2000)).max(20).optional(),
  settings: appSettingsSchema.optional().openapi({ example: { androidAppHash: 'FA+9qCX9VSu' } }),
}

export const createAppBody = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, 'lower-case letters, digits, . _ - (3 to 64)')
      .optional()
      .openapi({ description: 'The client id; generated when absent', example: 'engineer-app' }),
    type: z.string().max(50).openapi({ example: 'engineer-mobile' }),
    ...appFields,
  })
  .strict()
  .openapi('CreateApp')

export const updateAppBody = z
  .object(appFields)
  .partial()
  .strict()
  .refine((body) => Object.values(body).some((v) => v !== undefined), 'nothing to change')
  .openapi('UpdateApp')

export const appWithSecret = z.object({
  app: appSchema,
  clientSecret: z
    .string()
    .nullable()
    .openapi({ description: 'Shown once: only its hash is stored. null for public clients.' }),
})

// --- SMS forwarding (R11) --------------------------------------------------------------------

export const forwardingSchema = z
  .object({
    id: z.string(),
    phone: z.string().openapi({ example: '+79161234567' }),
    email: z.string().openapi({ example: 'support@example.com' }),
    enabled: z.boolean(),
    note: z.string(),
    createdBy: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .openapi('ForwardingRule')

const note = z.string().max(500).openapi({ example: 'SMS do not reach this phone (ticket 4512)' })

export const createForwardingBody = z
  .object({
    phone: phoneInput,
    email: emailInput,
    enabled: z.boolean().optional(),
    note: note.optional(),
  })
  .strict()
  .openapi('CreateForwardingRule')

export const updateForwardingBody = z
  .object({
    phone: phoneInput.optional(),
    email: emailInput.optional(),
    enabled: z.boolean().optional(),
    note: note.optional(),
  })
  .strict()
  .refine((body) => Object.values(body).some((v) => v !== undefined), 'nothing to change')
  .openapi('UpdateForwardingRule')
