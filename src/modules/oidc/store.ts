/**
 * What the authorization server keeps in the state store, all short-lived: pending
 * authorization requests (the hosted pages' progress), codes, used-code records, browser SSO
 * sessions and deferred-client tickets. Secrets are stored under their SHA-256, never as keys.
 */
import { randomToken, sha256Hex } from '../../kernel/crypto.ts'
import type { StateStore } from '../../kernel/ports/state.ts'
import { seal, unseal } from './seal.ts'

/** A pending `/authorize` request and how far the person got on the hosted pages. */
export interface PendingRequest {
  clientId: string
  redirectUri: string
  state: string | null
  nonce: string | null
  scope: string[]
  codeChallenge: string
  prompt: string[]
  maxAge: number | null
  lang: 'ru' | 'en'
  loginHint: string | null
  /** SHA-256 of the pre-auth cookie: the browser this request belongs to. */
  browser: string
  /** The per-form CSRF token of this request's pages. */
  csrf: string
  step: 'login' | 'methods' | 'password' | 'code' | 'register'
  login?: string
  methods?: string[]
  method?: string
  challengeId?: string
  codeLength?: number
  sentTo?: string
  resendAt?: number
  setupToken?: string
  /** A message key to show once on the next page. */
  notice?: string
  noticeSeconds?: number
  /** The API's own message, for codes without a text of their own (e.g. password policy). */
  noticeMessage?: string
}

/** What a code stands for until the token endpoint redeems it. */
export interface CodeRecord {
  clientId: string
  redirectUri: string
  codeChallenge: string
  nonce: string | null
  scope: string[]
  userId: string
  authTime: number
  amr: string[]
  sessionId: string
  accessToken: string
  refreshToken: string
  /** When the access token expires (ms since epoch). */
  accessExpiresAt: number
}

export interface SsoSession {
  userId: string
  authTime: number
  amr: string[]
  method: string
}

export const requestTtlMs = 30 * 60_000
export const codeTtlMs = 60_000
/** Issued codes are remembered past their own lifetime, so a late replay still ends the session. */
const usedCodeTtlMs = 10 * 60_000
export const ssoTtlMs = 12 * 3600_000

const keys = {
  request: (id: string) => `oidc:req:${id}`,
  code: (hash: string) => `oidc:code:${hash}`,
  used: (hash: string) => `oidc:used:${hash}`,
  sso: (hash: string) => `oidc:sso:${hash}`,
}

const parse = <T>(text: string | null): T | null => {
  if (!text) return null
  try {
    return JSON.parse(text) as T
  } catch {
    return null
  }
}

export async function saveRequest(state: StateStore, id: string, request: PendingRequest) {
  await state.set(keys.request(id), JSON.stringify(request), { ttlMs: requestTtlMs })
}

export async function loadRequest(state: StateStore, id: string): Promise<PendingRequest | null> {
  if (!/^[\w-]{16,64}$/.test(id)) return null
  return parse<PendingRequest>(await state.get(keys.request(id)))
}

export const dropRequest = (state: StateStore, id: string) => state.delete(keys.request(id))

type StoredCode = Omit<CodeRecord, 'accessToken' | 'refreshToken'> & { tokens: string }

/** A new random code for the record; only its hash is a key, and the tokens are sealed by it. */
export async function issueCode(state: StateStore, record: CodeRecord): Promise<string> {
  const code = randomToken()
  const { accessToken, refreshToken, ...rest } = record
  const stored: StoredCode = {
    ...rest,
    tokens: await seal(code, JSON.stringify([accessToken, refreshToken])),
  }
  const hash = await sha256Hex(code)
  // The issue marker outlives the code: once the code is gone, presenting it again (even in a
  // race with its first redemption) still finds the session to revoke.
  await state.set(keys.used(hash), record.sessionId, { ttlMs: usedCodeTtlMs })
  await state.set(keys.code(hash), JSON.stringify(stored), { ttlMs: codeTtlMs })
  return code
}

async function openStored(code: string, stored: StoredCode): Promise<CodeRecord | null> {
  const { tokens, ...rest } = stored
  const opened = await unseal(code, tokens)
  if (!opened) return null
  const [accessToken, refreshToken] = JSON.parse(opened) as [string, string]
  return { ...rest, accessToken, refreshToken }
}

export type Redemption =
  | { status: 'ok'; record: CodeRecord }
  /** Presented before: the session it opened must end. */
  | { status: 'reused'; sessionId: string }
  | { status: 'unknown' }

/**
 * Takes a code once (getAndDelete: of racing requests one wins); any other presentation of an
 * issued code is a reuse, and names the session to revoke (RFC 6749 §4.1.2).
 */
export async function redeemCode(state: StateStore, code: string): Promise<Redemption> {
  const hash = await sha256Hex(code)
  const stored = parse<StoredCode>(await state.getAndDelete(keys.code(hash)))
  const record = stored ? await openStored(code, stored) : null
  if (record) return { status: 'ok', record }
  const sessionId = await state.get(keys.used(hash))
  return sessionId ? { status: 'reused', sessionId } : { status: 'unknown' }
}

export async function openSso(state: StateStore, sso: SsoSession): Promise<string> {
  const id = randomToken()
  await state.set(keys.sso(await sha256Hex(id)), JSON.stringify(sso), { ttlMs: ssoTtlMs })
  return id
}

export async function readSso(state: StateStore, id: string): Promise<SsoSession | null> {
  if (!/^[\w-]{20,100}$/.test(id)) return null
  return parse<SsoSession>(await state.get(keys.sso(await sha256Hex(id))))
}

export async function endSso(state: StateStore, id: string): Promise<void> {
  if (/^[\w-]{20,100}$/.test(id)) await state.delete(keys.sso(await sha256Hex(id)))
}
