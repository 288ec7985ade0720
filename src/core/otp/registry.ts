/**
 * Which one-time-code methods are mounted in this app and which logins each can serve, so the
 * sign-in start (src/core/sign-in) can offer only methods that would accept the login (e.g. SMS
 * only to allowed countries). Keyed by the app's error registry: one per app instance, shared by
 * every plugin context of that app.
 */
import type { ErrorRegistry } from '../errors.ts'
import type { CoreServices } from '../services.ts'
import type { App } from '../identity/types.ts'

export interface OtpMethodInfo {
  id: string
  loginKind: 'phone' | 'email'
  /** Whether a code could be sent to this (normalised) login from this app. */
  accepts(login: string, app: App): boolean
}

const registries = new WeakMap<ErrorRegistry, Map<string, OtpMethodInfo>>()

export function registerOtpMethod(core: Pick<CoreServices, 'errors'>, info: OtpMethodInfo): void {
  let methods = registries.get(core.errors)
  if (!methods) {
    methods = new Map()
    registries.set(core.errors, methods)
  }
  methods.set(info.id, info)
}

export function otpMethodInfo(
  core: Pick<CoreServices, 'errors'>,
  id: string,
): OtpMethodInfo | undefined {
  return registries.get(core.errors)?.get(id)
}
