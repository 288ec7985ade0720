import * as z from 'zod'
import type { FieldIssue } from '../../../kernel/errors.ts'
import type { ClientAppTypePlugin, Plugin, RedirectUriContext } from '../../../kernel/plugin.ts'

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
