import * as z from 'zod'
import type { StateStoreChoice } from './ports/state.ts'

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

/** One allowed browser origin: `scheme://host[:port]`, nothing else (no path, no `*`). */
function isBareOrigin(entry: string): boolean {
  if (entry.includes('*')) return false
  try {
    const url = new URL(entry)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === entry
  } catch {
    return false
  }
}

const corsOrigins = list.superRefine((origins, ctx) => {
  for (const origin of origins) {
    if (!isBareOrigin(origin)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${origin}" is not an origin: give scheme://host[:port] without a path, a trailing slash or *, e.g. https://app.example.com`,
      })
    }
  }
})

/**
 * Every setting Propusk reads from the environment (process env, Worker vars and secrets), field
 * by field. Conventional names are kept where users already have them (Turso, Upstash, Redis).
 * Rules between fields live in {@link crossFieldProblems}; {@link checkSettings} runs both.
 */
export const settingsSchema = z.object({
  PROPUSK_MODE: z.enum(['development', 'production']).default('development'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:8787'),
  TURSO_DATABASE_URL: z
    .string()
    .regex(
      /^(file:|libsql:\/\/|https?:\/\/|wss?:\/\/|:memory:)/,
      'must be a file:, :memory:, libsql://, https://, http://, wss:// or ws:// URL',
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
  /** Deadline of each state-store call (and the Redis/Upstash clients' own timeouts). */
  STATE_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** Deadline of each SQL call while serving (and the remote libSQL client's HTTP timeout). */
  SQL_TIMEOUT_MS: z.coerce.number().int().min(50).max(120_000).default(5000),
  CORS_ORIGINS: corsOrigins,
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
  /**
   * How long a rotated refresh token, presented again by its own client, still returns the same
   * successor (a retry after a lost answer); 0 turns it off. 30 s is Okta's default; like Okta and
   * Cognito, at most 60 s, because a longer window is a longer replay window for a stolen token.
   */
  REFRESH_GRACE_SECONDS: z.coerce.number().int().min(0).max(60).default(30),
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

export type Settings = z.output<typeof settingsSchema>
type SettingName = keyof Settings

/**
 * Rules between settings. `invalid` names the fields that failed on their own: a rule that reads
 * one of them is skipped, so a bad value is reported once (as bad), not again as missing.
 */
export function crossFieldProblems(
  s: Settings,
  invalid: ReadonlySet<string> = new Set(),
): string[] {
  const problems: string[] = []
  const known = (...names: SettingName[]) => names.every((name) => !invalid.has(name))
  const issue = (path: SettingName, message: string) => problems.push(`${path}: ${message}`)
  if (known('STATE_STORE', 'REDIS_URL') && s.STATE_STORE === 'redis' && !s.REDIS_URL)
    issue('REDIS_URL', 'is required when STATE_STORE=redis')
  if (
    known('UPSTASH_REDIS_REST_URL', 'UPSTASH_REDIS_REST_TOKEN') &&
    s.UPSTASH_REDIS_REST_URL &&
    !s.UPSTASH_REDIS_REST_TOKEN
  ) {
    issue('UPSTASH_REDIS_REST_TOKEN', 'is required with UPSTASH_REDIS_REST_URL')
  }
  if (
    known('STATE_STORE', 'UPSTASH_REDIS_REST_URL') &&
    s.STATE_STORE === 'upstash' &&
    !s.UPSTASH_REDIS_REST_URL
  ) {
    issue('UPSTASH_REDIS_REST_URL', 'is required when STATE_STORE=upstash')
  }
  if (!known('PROPUSK_MODE') || s.PROPUSK_MODE !== 'production') return problems
  if (known('TURSO_DATABASE_URL') && !s.TURSO_DATABASE_URL)
    issue('TURSO_DATABASE_URL', 'is required in production')
  if (
    known('STATE_STORE', 'UPSTASH_REDIS_REST_URL', 'REDIS_URL') &&
    resolveStateStoreKind(s) === 'memory'
  ) {
    issue(
      'STATE_STORE',
      'in-memory state is not allowed in production: set UPSTASH_REDIS_REST_URL or REDIS_URL',
    )
  }
  if (known('SIGNING_KEYS') && !s.SIGNING_KEYS)
    issue('SIGNING_KEYS', 'is required in production (wrangler secret put SIGNING_KEYS)')
  if (known('PUBLIC_URL') && !s.PUBLIC_URL.startsWith('https://'))
    issue('PUBLIC_URL', 'must be https:// in production')
  // Console delivery prints every code and link to the logs and keeps them in clear text.
  for (const name of ['DELIVERY_SMS', 'DELIVERY_EMAIL', 'DELIVERY_CALL'] as const) {
    if (s[name] === 'console-delivery') {
      issue(name, 'console-delivery is for local use only; choose a real provider in production')
    }
  }
  return problems
}

export function resolveStateStoreKind(
  s: Pick<Settings, 'STATE_STORE' | 'UPSTASH_REDIS_REST_URL' | 'REDIS_URL'>,
): 'memory' | 'redis' | 'upstash' {
  if (s.STATE_STORE) return s.STATE_STORE
  if (s.UPSTASH_REDIS_REST_URL) return 'upstash'
  if (s.REDIS_URL) return 'redis'
  return 'memory'
}

/** The state store the settings select, for the runtimes' state-store factories. */
export function stateStoreChoice(s: Settings): StateStoreChoice {
  const kind = resolveStateStoreKind(s)
  return {
    kind,
    prefix: s.STATE_KEY_PREFIX,
    timeoutMs: s.STATE_TIMEOUT_MS,
    ...(s.UPSTASH_REDIS_REST_URL && s.UPSTASH_REDIS_REST_TOKEN
      ? { upstash: { url: s.UPSTASH_REDIS_REST_URL, token: s.UPSTASH_REDIS_REST_TOKEN } }
      : {}),
    ...(s.REDIS_URL ? { redisUrl: s.REDIS_URL } : {}),
  }
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

/** `prefix` + dotted path (under `field`, when the error is about one field) + message. */
export function formatZodIssues(error: z.ZodError, prefix = '', field?: string): string[] {
  return error.issues.map((issue) => {
    const path = [field, ...issue.path.map(String)].filter(Boolean).join('.')
    return `${prefix}${path || '(root)'}: ${issue.message}`
  })
}

export interface SettingsCheck {
  /** Present only when there is no problem. */
  settings: Settings | undefined
  /**
   * Every field that parsed, and the default of every field that did not: enough for later
   * startup checks (plugin settings, provider secrets) to run and report their own problems too.
   */
  bestEffort: Settings
  problems: string[]
}

/**
 * Parses env/bindings field by field, then the rules between fields, and returns every problem
 * (a whole-object parse would skip the cross-field rules as soon as one field failed). Only
 * string values are read (Worker bindings like KV are ignored).
 */
export function checkSettings(env: Record<string, unknown>): SettingsCheck {
  const strings = stringEnvOf(env)
  const problems: string[] = []
  const invalid = new Set<string>()
  const parsed: Record<string, unknown> = {}
  for (const [name, field] of Object.entries(settingsSchema.shape)) {
    const result = (field as z.ZodType).safeParse(strings[name])
    if (result.success) {
      parsed[name] = result.data
      continue
    }
    invalid.add(name)
    problems.push(...formatZodIssues(result.error, '', name))
    const fallback = (field as z.ZodType).safeParse(undefined)
    if (fallback.success) parsed[name] = fallback.data
  }
  const bestEffort = parsed as Settings
  problems.push(...crossFieldProblems(bestEffort, invalid))
  return { settings: problems.length ? undefined : bestEffort, bestEffort, problems }
}

/** Parses env/bindings; throws one ConfigError listing every problem. */
export function loadSettings(env: Record<string, unknown>): Settings {
  const { settings, problems } = checkSettings(env)
  if (!settings) throw new ConfigError(problems)
  return settings
}

/** Only the string-valued entries of an env object (for plugins reading their own secrets). */
export function stringEnvOf(env: Record<string, unknown>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => typeof v === 'string')) as Record<
    string,
    string | undefined
  >
}
