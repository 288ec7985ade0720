import * as z from 'zod'
import { sessions } from 'propusk/plugin'

/** Plugin settings (defaults make `{}` valid); editable in the console, overridable by PLUGIN_SETTINGS. */
export const passwordSettings = z.object({
  maxFailuresBeforeLockout: z
    .number()
    .int()
    .min(1)
    .max(100)
    .default(5)
    .describe('Wrong passwords per account before it is locked for a while'),
  lockoutBaseSeconds: z
    .number()
    .int()
    .min(1)
    .max(24 * 3600)
    .default(60)
    .describe('First lockout; each further failure doubles it'),
  lockoutMaxSeconds: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 3600)
    .default(3600)
    .describe('Longest lockout'),
  maxFailuresPerIp: z
    .number()
    .int()
    .min(1)
    .max(100_000)
    .default(100)
    .describe('Wrong passwords from one IP (any accounts) before that IP is locked the same way'),
})

export type PasswordSettings = z.output<typeof passwordSettings>

export const signInBody = z.object({
  login: z
    .string()
    .trim()
    .min(3)
    .max(320)
    .openapi({ description: 'Phone (any notation) or e-mail', example: '+7 916 123-45-67' }),
  password: z.string().min(1).max(1024),
  // The app and device fields every sign-in takes, described once by the SDK.
  ...sessions.signInClientFields,
})

export const changeBody = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(1).max(1024),
})

export const changeResult = z.object({
  changed: z.literal(true),
  sessionsEnded: z.number().int().describe('Other sessions of the user that were ended'),
})

// The core's one documented error body (with `retryAfterSeconds` for lockouts).
export { errorResponse } from 'propusk/plugin'
