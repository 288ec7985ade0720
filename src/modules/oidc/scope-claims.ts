/**
 * Which claims a scope releases (OIDC Core §5.4), for the ID token and `/userinfo`. The scope
 * an RP was granted is kept per session in the state store, since access tokens do not carry it.
 */
import type { User } from '../identity/index.ts'
import type { StateStore } from '../../kernel/ports/state.ts'

/** As long as the longest session policy (R12: mobile sessions live long). */
const scopeTtlMs = 400 * 24 * 3600_000
const key = (sessionId: string) => `oidc:scope:${sessionId}`

export async function saveGrantedScope(state: StateStore, sessionId: string, scope: string[]) {
  await state.set(key(sessionId), scope.join(' '), { ttlMs: scopeTtlMs })
}

/** The scope granted to this session through the code flow; `openid` for direct sign-ins. */
export async function grantedScope(state: StateStore, sessionId: string): Promise<string[]> {
  return ((await state.get(key(sessionId))) ?? 'openid').split(' ')
}

export function scopedClaims(user: User, scope: string[]): Record<string, unknown> {
  const claims: Record<string, unknown> = {}
  if (scope.includes('profile')) {
    claims.name = user.displayName
    claims.updated_at = Math.floor(new Date(user.updatedAt).getTime() / 1000)
  }
  if (scope.includes('email') && user.email) claims.email = user.email
  if (scope.includes('phone') && user.phone) claims.phone_number = user.phone
  return claims
}

/** The scopes `/authorize` accepts and discovery advertises (OIDC Core §5.4). */
export const supportedScopes = ['openid', 'profile', 'email', 'phone', 'offline_access']
