/**
 * Which one-time-code methods are mounted in one app and which logins each can serve, so the
 * sign-in start (src/api/sign-in) can offer only methods that would accept the login (e.g. SMS
 * only to allowed countries). A value built once per app by `createPropusk` and handed to the
 * code-method plugins (through their context) and to the sign-in start: nothing here lives at
 * module level, so two apps in one process never see each other's methods.
 */
import type { App } from '../identity/index.ts'

export interface OtpMethodInfo {
  id: string
  loginKind: 'phone' | 'email'
  /** Whether a code could be sent to this (normalised) login from this app. */
  accepts(login: string, app: App): boolean
}

export interface OtpMethodRegistry {
  /** Called once per method as it mounts; a second method with the same id is a programming error. */
  register(info: OtpMethodInfo): void
  get(id: string): OtpMethodInfo | undefined
  /** The ids mounted so far, in mount order. */
  ids(): string[]
}

export function createOtpMethodRegistry(): OtpMethodRegistry {
  const methods = new Map<string, OtpMethodInfo>()
  return {
    register(info) {
      if (methods.has(info.id)) throw new Error(`One-time-code method "${info.id}" mounted twice`)
      methods.set(info.id, info)
    },
    get: (id) => methods.get(id),
    ids: () => [...methods.keys()],
  }
}

declare module '../../kernel/services.ts' {
  interface CoreServices {
    /** This app's one-time-code methods, filled as they mount (read by the sign-in start). */
    otpMethods: OtpMethodRegistry
  }
}
