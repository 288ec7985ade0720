/**
 * The values the plugin contract (plugin.ts) hands to plugins. The identity module owns people
 * and apps and re-exports these from its index; they live here so the kernel, which defines the
 * contract, needs nothing above it.
 */
import type { SessionPolicy } from './plugin.ts'

/** A login that parsed: an E.164 phone or a normalised, lower-case e-mail. */
export type ParsedLogin = { kind: 'phone'; value: string } | { kind: 'email'; value: string }

export interface App {
  /** The client id. */
  id: string
  name: string
  /** A client app type plugin id. */
  type: string
  enabled: boolean
  signInMethods: string[]
  policy: Partial<SessionPolicy>
  redirectUris: string[]
  /** Per-app extras, e.g. `androidAppHash`, `webOtpDomain`, SMS templates. */
  settings: Record<string, unknown>
  hasSecret: boolean
  createdAt: string
  updatedAt: string
}
