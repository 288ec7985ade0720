/**
 * First sign-in (R4): an invited person who proved their phone by code gets a short-lived,
 * single-use setup token instead of tokens, and trades it for a password and a session. Only a
 * hash of the token is stored.
 */
import { randomToken, sha256Hex } from '../../kernel/crypto.ts'
import type { StateStore } from '../../kernel/ports/state.ts'

export interface SetupGrant {
  userId: string
  appId: string
  /** The method that proved the login; the session is opened with it. */
  method: string
}

const key = async (token: string) => `otp:setup:${await sha256Hex(token)}`

export async function issueSetupToken(
  state: StateStore,
  grant: SetupGrant,
  ttlSeconds: number,
): Promise<string> {
  const token = randomToken()
  await state.set(await key(token), JSON.stringify(grant), { ttlMs: ttlSeconds * 1000 })
  return token
}

function parse(value: string | null): SetupGrant | null {
  if (!value) return null
  try {
    const grant = JSON.parse(value) as Partial<SetupGrant>
    return typeof grant.userId === 'string' &&
      typeof grant.appId === 'string' &&
      typeof grant.method === 'string'
      ? (grant as SetupGrant)
      : null
  } catch {
    return null
  }
}

/** Reads without using up (to check the password first, so a weak one does not waste it). */
export async function peekSetupToken(state: StateStore, token: string): Promise<SetupGrant | null> {
  return parse(await state.get(await key(token)))
}

/** Uses the token up: of racing callers exactly one gets the grant. */
export async function takeSetupToken(state: StateStore, token: string): Promise<SetupGrant | null> {
  return parse(await state.getAndDelete(await key(token)))
}
