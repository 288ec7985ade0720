import * as z from 'zod'
import type { FieldIssue } from '../../errors.ts'
import type { ClientAppTypePlugin, Plugin, RedirectUriContext } from '../../plugin.ts'
import { appOtpOverridesSchema } from '../../otp/settings.ts'

/**
 * Sign-in methods an app may enable before their plugins are installed: the code methods
 * arrive in a later release, and an app registered today should not need editing then.
 */
export const wellKnownSignInMethods = ['password', 'sms-otp', 'flash-call', 'email-otp'] as const

const seconds = z
  .number()
  .int()
  .positive()
  .max(10 * 365 * 24 * 3600)

/** Per-app overrides of the type's session policy. */
export const appPolicySchema = z
  .object({
    accessTokenTtlSeconds: seconds.optional(),
    refreshTokenAbsoluteTtlSeconds: seconds.optional(),
    refreshTokenIdleTtlSeconds: seconds.optional(),
  })
  .strict()

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

export const clientAppTypes = (plugins: readonly Plugin[]): ClientAppTypePlugin[] =>
  plugins.filter((p): p is ClientAppTypePlugin => p.kind === 'client-app-type')

/** Without a rule from the type plugin: https anywhere, plain http on loopback in development. */
function defaultRedirectAllowed(uri: URL, context?: RedirectUriContext): boolean {
  if (uri.protocol === 'https:') return true
  return (
    context?.mode === 'development' &&
    uri.protocol === 'http:' &&
    ['localhost', '127.0.0.1', '[::1]'].includes(uri.hostname)
  )
}

export interface AppShape {
  type: string
  signInMethods?: string[]
  redirectUris?: string[]
}

/** Checks what depends on installed plugins; returns field issues (empty when fine). */
export function checkAppShape(
  plugins: readonly Plugin[],
  app: AppShape,
  context: RedirectUriContext,
): FieldIssue[] {
  const issues: FieldIssue[] = []
  const type = clientAppTypes(plugins).find((p) => p.id === app.type)
  if (!type) {
    issues.push({
      field: 'type',
      code: 'unknown_app_type',
      params: { type: app.type },
      message: `no installed client app type "${app.type}"`,
    })
  }
  const methods = new Set<string>([
    ...wellKnownSignInMethods,
    ...plugins.filter((p) => p.kind === 'sign-in-method').map((p) => p.id),
  ])
  app.signInMethods?.forEach((method, i) => {
    if (!methods.has(method)) {
      issues.push({ field: `signInMethods.${i}`, message: `no sign-in method "${method}"` })
    }
  })
  app.redirectUris?.forEach((raw, i) => {
    const field = `redirectUris.${i}`
    let uri: URL
    try {
      uri = new URL(raw)
    } catch {
      issues.push({ field, message: 'must be an absolute URL' })
      return
    }
    if (uri.hash) {
      issues.push({ field, message: 'must not have a #fragment' })
    } else if (type && !(type.isRedirectUriAllowed ?? defaultRedirectAllowed)(uri, context)) {
      issues.push({ field, message: `not allowed for apps of type "${type.id}"` })
    }
  })
  return issues
}
