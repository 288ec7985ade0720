import type { Migration } from 'propusk/plugin'
import * as z from 'zod'

const int = (min: number, max: number, value: number) =>
  z.number().int().min(min).max(max).default(value)

/** Settings (defaults make `{}` valid); editable in the console, overridable by PLUGIN_SETTINGS. */
export const totpSettings = z.object({
  issuer: z.string().trim().min(1).max(60).default('Propusk').describe('Shown in the app'),
  maxFailures: int(1, 20, 5).describe('Wrong codes per login before a pause'),
  lockoutSeconds: int(1, 86_400, 300).describe('First pause; it doubles with each further one'),
  maxLockoutSeconds: int(1, 7 * 86_400, 3600).describe('Longest pause'),
  enrolmentMinutes: int(1, 60, 15).describe('How long an enrolment waits for its first code'),
})
export type TotpSettings = z.output<typeof totpSettings>

export const totpMigrations: Migration[] = [
  {
    id: 'plugin:totp/0001_credentials',
    // Sealed secrets only (vault.ts); last_step is the newest time step used, so a code works once.
    sql: `CREATE TABLE totp_credentials (
      user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
      secret TEXT, pending_secret TEXT, pending_expires_at TEXT,
      last_step INTEGER NOT NULL DEFAULT 0, confirmed_at TEXT, updated_at TEXT NOT NULL);`,
  },
]

const code = z.string().regex(/^\d{6}$/, 'must be the 6 digits the app shows')
export const codeBody = z.object({ code })
export const confirmBody = z.object({
  code,
  currentCode: code.optional().describe('When replacing: a code of the authenticator in use'),
})
export const resetBody = z.object({ userId: z.string().min(1).max(100) })
export const signInBody = z.object({
  login: z.string().trim().min(3).max(320).openapi({ description: 'Phone or e-mail' }),
  code,
  clientId: z.string().min(1).max(200),
  clientSecret: z.string().min(1).max(500).optional().describe('Confidential apps (or Basic)'),
  deviceLabel: z.string().trim().max(200).optional(),
})
export const enrolResult = z.object({
  secret: z.string().describe('Base32, to type into the app by hand'),
  otpauthUri: z.string().describe('For a QR code'),
  expiresAt: z.string().describe('Confirm with a first code before this'),
})
export const doneResult = (key: 'enrolled' | 'disabled' | 'removed') =>
  z.object({ [key]: z.boolean() })

// The core's one documented error body, so clients see the same `Error` schema everywhere.
export { errorResponse } from 'propusk/plugin'
