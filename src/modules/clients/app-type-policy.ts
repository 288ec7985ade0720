import type { ClientAppTypePlugin, SessionPolicy } from '../../kernel/plugin.ts'
import type { ClientsDeps } from './deps.ts'
import type { App } from '../identity/index.ts'

/** The loaded client app type plugin with this id, if any. */
export function findAppType(
  core: Pick<ClientsDeps, 'plugins'>,
  typeId: string,
): ClientAppTypePlugin | undefined {
  return core.plugins.find(
    (plugin): plugin is ClientAppTypePlugin =>
      plugin.kind === 'client-app-type' && plugin.id === typeId,
  )
}

const policyKeys = [
  'accessTokenTtlSeconds',
  'refreshTokenAbsoluteTtlSeconds',
  'refreshTokenIdleTtlSeconds',
] as const

/** The type's default policy with the app's own overrides on top (ignoring nonsense values). */
export function resolveSessionPolicy(type: ClientAppTypePlugin, app: App): SessionPolicy {
  const policy = { ...type.sessionPolicy }
  for (const key of policyKeys) {
    const override = app.policy[key]
    if (typeof override === 'number' && Number.isFinite(override) && override > 0) {
      policy[key] = Math.floor(override)
    }
  }
  return policy
}

export const seconds = (date: Date, ttl: number) => new Date(date.getTime() + ttl * 1000)

export const earliest = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b)
