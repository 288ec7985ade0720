/**
 * Settings of the one-time-code methods. Each method plugin builds its zod schema here with its
 * own defaults, so all three share names, bounds and documentation; an app may override any of
 * them in `App.settings.otp['<method id>']`.
 */
import * as z from 'zod'
import type { App } from '../identity/index.ts'
import type { Logger } from '../../kernel/logger.ts'

const minute = 60
const hour = 3600
const day = 24 * hour

/** Defaults that differ between methods; everything else has one default for all. */
export interface OtpDefaults {
  codeLength: number
  ttlSeconds: number
  allowFirstSignIn: boolean
}

const int = (min: number, max: number) => z.number().int().min(min).max(max)

function commonShape(d: OtpDefaults) {
  return {
    codeLength: int(4, 10).default(d.codeLength).describe('Digits in a code'),
    ttlSeconds: int(30, day).default(d.ttlSeconds).describe('How long a code works'),
    resendAfterSeconds: int(1, hour)
      .default(60)
      .describe('Wait before another code may be requested (R5: 60 s)'),
    maxAttemptsPerCode: int(1, 10).default(3).describe('Wrong tries that use up one code'),
    sendsPerLoginPerHour: int(1, 1000).default(5).describe('Codes per login per hour'),
    sendsPerLoginPerDay: int(1, 10_000).default(10).describe('Codes per login per 24 h'),
    sendsPerIpPerHour: int(1, 100_000)
      .default(20)
      .describe('Codes requested per client IP per hour'),
    verifiesPerIpPer10Minutes: int(1, 100_000)
      .default(100)
      .describe('Code checks per client IP per 10 minutes'),
    failuresBeforeLockout: int(1, 100)
      .default(3)
      .describe('Wrong codes per login (across codes) before each lockout'),
    lockoutSeconds: int(1, 30 * day)
      .default(15 * minute)
      .describe('The first lockout'),
    lockoutGrowthFactor: z
      .number()
      .min(1)
      .max(100)
      .default(4)
      .describe('Each further lockout lasts this many times longer'),
    maxLockoutSeconds: int(1, 365 * day)
      .default(30 * day)
      .describe('The longest lockout'),
    failureMemorySeconds: int(hour, 365 * day)
      .default(30 * day)
      .describe('Wrong codes are forgotten after this long without another wrong code'),
    allowFirstSignIn: z
      .boolean()
      .default(d.allowFirstSignIn)
      .describe('Invited people may register by proving this login (R4)'),
    setupTokenTtlSeconds: int(60, hour)
      .default(10 * minute)
      .describe('How long the password-creation step after a first sign-in stays open'),
    decoyMinDelayMs: int(0, 5000)
      .default(150)
      .describe(
        'Every send answers no sooner than this (or the recent average delivery time, if longer), ' +
          'so unknown logins cannot be told apart by timing, even in a fresh process',
      ),
  }
}

/** Extra settings of methods that send to phones: where codes may go (R6) and pumping limits. */
function phoneShape() {
  return {
    allowedCountries: z
      .array(z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2, e.g. RU'))
      .min(1)
      .default(['RU'])
      .describe('Countries whose numbers may receive codes (R6)'),
    mobileOnly: z.boolean().default(true).describe('Refuse fixed-line numbers'),
    prefixDigits: int(3, 12)
      .default(7)
      .describe('Leading E.164 digits that group numbers for the prefix limit'),
    sendsPerPrefixPerHour: int(1, 1_000_000)
      .default(30)
      .describe('Codes per number prefix per hour (against SMS pumping)'),
    sendsPerCountryPerHour: int(1, 10_000_000)
      .default(1000)
      .describe('Codes per destination country per hour (against SMS pumping)'),
  }
}

export function otpSettingsSchema(defaults: OtpDefaults) {
  return z.object(commonShape(defaults))
}

export function phoneOtpSettingsSchema(defaults: OtpDefaults) {
  return z.object({ ...commonShape(defaults), ...phoneShape() })
}

export type OtpSettings = z.output<ReturnType<typeof otpSettingsSchema>>
export type PhoneOtpSettings = z.output<ReturnType<typeof phoneOtpSettingsSchema>>
/** What the engine reads; phone-only fields are absent for e-mail. */
export type AnyOtpSettings = OtpSettings & Partial<Omit<PhoneOtpSettings, keyof OtpSettings>>

/** The `App.settings` fields the one-time-code methods read. */
export interface OtpAppSettings {
  /** `@<domain> #<code>` line of SMS (WebOTP, iOS); defaults to PUBLIC_URL's host. */
  webOtpDomain?: string
  /** 11-character Android app hash (SMS Retriever). */
  androidAppHash?: string
  /** Language of messages when the request does not name one (`ru` or `en`). */
  locale?: string
  /** Per method: setting overrides and message templates. */
  otp?: Record<string, Record<string, unknown>>
}

/**
 * `App.settings.otp` as the admin API accepts it: per method, typed overrides of the method
 * settings (no defaults: what is absent keeps the plugin's value) and message templates.
 * The shipped methods are strict, so a typo is refused; other methods' keys are kept as scalars.
 */
function withoutDefaults<T extends z.ZodRawShape>(shape: T) {
  return Object.fromEntries(
    Object.entries(shape).map(([key, field]) => {
      const inner = field instanceof z.ZodDefault ? field.unwrap() : field
      return [key, (inner as z.ZodType).optional()]
    }),
  ) as { [K in keyof T]: z.ZodOptional<z.ZodType<z.output<T[K]>>> }
}

const overrideDefaults: OtpDefaults = { codeLength: 4, ttlSeconds: 300, allowFirstSignIn: false }
const template = z.string().trim().min(1).max(1000)
const locales = <T extends z.ZodType>(t: T) =>
  z.object({ ru: t.optional(), en: t.optional() }).strict()

export const smsOtpAppOverrideSchema = z
  .object({
    ...withoutDefaults({ ...commonShape(overrideDefaults), ...phoneShape() }),
    androidHashPlacement: z.enum(['before-origin-line', 'end']).optional(),
    /** `{code}` and `{app}` are filled in; the auto-fill lines are added after it. */
    templates: locales(template.max(300)).optional(),
  })
  .strict()

export const flashCallAppOverrideSchema = z
  .object(withoutDefaults({ ...commonShape(overrideDefaults), ...phoneShape() }))
  .strict()

export const emailOtpAppOverrideSchema = z
  .object({
    ...withoutDefaults(commonShape(overrideDefaults)),
    /** `{code}`, `{app}` and `{minutes}` are filled in. */
    templates: locales(
      z.object({ subject: template.max(200).optional(), text: template.optional() }).strict(),
    ).optional(),
  })
  .strict()

export const appOtpOverridesSchema = z
  .object({
    'sms-otp': smsOtpAppOverrideSchema.optional(),
    'flash-call': flashCallAppOverrideSchema.optional(),
    'email-otp': emailOtpAppOverrideSchema.optional(),
  })
  .catchall(
    z.record(
      z.string(),
      z.union([z.string().max(2000), z.number(), z.boolean(), z.null(), z.array(z.string())]),
    ),
  )

export function appOtpSettings(app: App): OtpAppSettings {
  return app.settings as OtpAppSettings
}

/**
 * The method's settings with the app's overrides. An invalid override is ignored (and logged):
 * a typo in one app's settings must not take sign-in down.
 */
export function settingsForApp<S extends z.ZodObject>(
  schema: S,
  base: z.output<S>,
  app: App,
  methodId: string,
  log: Logger,
): z.output<S> {
  const override = appOtpSettings(app).otp?.[methodId]
  if (!override || typeof override !== 'object') return base
  const known = Object.fromEntries(
    Object.entries(override).filter(([key]) => key in schema.shape && key !== 'templates'),
  )
  if (Object.keys(known).length === 0) return base
  const result = schema.safeParse({ ...base, ...known })
  if (result.success) return result.data
  log.warn('ignoring invalid one-time-code settings of an app', {
    appId: app.id,
    method: methodId,
    issues: result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
  })
  return base
}
