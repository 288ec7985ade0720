import { z } from 'zod'

/** Comma- or whitespace-separated list in one env var, e.g. `CORS_ORIGINS`. */
const list = z
  .string()
  .optional()
  .transform((value) => (value ?? '').split(/[\s,]+/).filter(Boolean))

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === '' ? undefined : value))

const jsonObject = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (!value) return {}
    try {
      const parsed: unknown = JSON.parse(value)
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        return parsed as Record<string, unknown>
      }
    } catch {
      // reported below
    }
    ctx.addIssue({ code: 'custom', message: 'must be a JSON object' })
    return z.NEVER
  })

/**
 * Every setting Propusk reads from the environment (process env, Worker vars and secrets).
 * Conventional names are kept where users already have them (Turso, Upstash, Redis).
 */
export const settingsSchema = z
  .object({
    PROPUSK_MODE: z.enum(['development', 'production']).default('development'),
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:8787'),
    TURSO_DATABASE_URL: z
      .string()
      .regex(
        /^(file:|libsql:\/\/|https?:\/\/|wss?:\/\/|:memory:)/,
        'must be a file:, libsql://, https:// or wss:// URL',
      )
      .optional(),
    TURSO_AUTH_TOKEN: optionalString,
    STATE_STORE: z.enum(['memory', 'redis', 'upstash']).optional(),
    STATE_KEY_PREFIX: z.string().min(1).default('propusk:'),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
      .optional(),
    UPSTASH_REDIS_REST_URL: z.url({ protocol: /^https?$/ }).optional(),
    UPSTASH_REDIS_REST_TOKEN: optionalString,
    CORS_ORIGINS: list,
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    /** JSON array of private JWKs (with `kid`); the first signs, the rest stay published. */
    SIGNING_KEYS: optionalString,
    PASSWORD_PEPPER: optionalString,
    /** Keys one-time-code hashes and challenge ids (min 32 chars); defaults to one derived from SIGNING_KEYS. */
    OTP_SECRET: optionalString.refine(
      (v) => v === undefined || v.length >= 32,
      'must be at least 32 characters',
    ),
    /** How long an invitation link works (R2); default 7 days. */
    INVITATION_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 90)
      .default(168),
    /** `{"<plugin id>": {...settings}}`, overriding stored plugin settings. */
    PLUGIN_SETTINGS: jsonObject,
    DELIVERY_SMS: z.string().default('console-delivery'),
    DELIVERY_EMAIL: z.string().default('console-delivery'),
    DELIVERY_CALL: z.string().default('console-delivery'),
    /** Node and Deno servers only (Workers ignore these). */
    PORT: z.coerce.number().int().min(1).max(65535).default(8787),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('./data'),
  })
  .superRefine((s, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message })
    if (s.STATE_STORE === 'redis' && !s.REDIS_URL)
      issue('REDIS_URL', 'is required when STATE_STORE=redis')
    if (s.UPSTASH_REDIS_REST_URL && !s.UPSTASH_REDIS_REST_TOKEN) {
      issue('UPSTASH_REDIS_REST_TOKEN', 'is required with UPSTASH_REDIS_REST_URL')
    }
    if (s.STATE_STORE === 'upstash' && !s.UPSTASH_REDIS_REST_URL) {
      issue('UPSTASH_REDIS_REST_URL', 'is required when STATE_STORE=upstash')
    }
    if (s.PROPUSK_MODE === 'production') {
      if (!s.TURSO_DATABASE_URL) issue('TURSO_DATABASE_URL', 'is required in production')
      if (resolveStateStoreKind(s) === 'memory') {
        issue(
          'STATE_STORE',
          'in-memory state is not allowed in production: set UPSTASH_REDIS_REST_URL or REDIS_URL',
        )
      }
      if (!s.SIGNING_KEYS)
        issue('SIGNING_KEYS', 'is required in production (wrangler secret put SIGNING_KEYS)')
      if (!s.PUBLIC_URL.startsWith('https://'))
        issue('PUBLIC_URL', 'must be https:// in production')
      // Console delivery prints every code and link to the logs and keeps them in clear text.
      for (const name of ['DELIVERY_SMS', 'DELIVERY_EMAIL', 'DELIVERY_CALL'] as const) {
        if (s[name] === 'console-delivery') {
          issue(name, 'console-delivery is for local use only; choose a real provider in production')
        }
      }
    }
  })

export type Settings = z.output<typeof settingsSchema>

export function resolveStateStoreKind(
  s: Pick<Settings, 'STATE_STORE' | 'UPSTASH_REDIS_REST_URL' | 'REDIS_URL'>,
): 'memory' | 'redis' | 'upstash' {
  if (s.STATE_STORE) return s.STATE_STORE
  if (s.UPSTASH_REDIS_REST_URL) return 'upstash'
  if (s.REDIS_URL) return 'redis'
  return 'memory'
}

/** Startup refused: carries every problem at once, so an operator fixes them in one go. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError'
  constructor(readonly problems: string[]) {
    super(
      `Propusk cannot start; fix these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    )
  }
}

export function formatZodIssues(error: z.ZodError, prefix = ''): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.')
    return `${prefix}${path || '(root)'}: ${issue.message}`
  })
}

/** Parses env/bindings; only string values are read (Worker bindings like KV are ignored). */
export function loadSettings(env: Record<string, unknown>): Settings {
  const strings: Record<string, string> = {}
  for (const [key, value] of Object.entries(env)) {
    if (typeof value === 'string') strings[key] = value
  }
  const result = settingsSchema.safeParse(strings)
  if (!result.success) throw new ConfigError(formatZodIssues(result.error))
  return result.data
}

/** Only the string-valued entries of an env object (for plugins reading their own secrets). */
export function stringEnvOf(env: Record<string, unknown>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => typeof v === 'string')) as Record<
    string,
    string | undefined
  >
}
