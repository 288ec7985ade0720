import { signal } from '@preact/signals'
import { leaveThroughEndSession } from '../auth/navigation.ts'
import type * as Api from './generated.ts'
import { fieldMessage, lang, type ServerFieldIssue } from '../i18n/index.ts'

/**
 * The console's only way to the server. The access token lives in this module's memory, never
 * in storage a script could read later; the refresh token is an HttpOnly cookie that only
 * /v1/console/* receives, so a reload asks `/v1/console/refresh` for a new access token.
 *
 * It shares the typed client's generated types (./generated.ts), not its runtime
 * (`createPropuskClient`): that client holds the refresh token in a storage the app picks and
 * refreshes at /v1/token, while here JavaScript never sees the refresh token, refreshes are
 * serialised across tabs that share one cookie, and a session that ends under an open page
 * parks the waiting requests until the admin signs in again.
 */

export type FieldIssue = ServerFieldIssue

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldIssue[] = [],
    readonly body: Record<string, unknown> = {},
  ) {
    super(message)
  }
  /** The server's message for one field (matches `roles` for `roles.0` too). */
  fieldError(name: string): string | undefined {
    const issue = this.fields.find((f) => f.field === name || f.field.startsWith(`${name}.`))
    return issue && fieldMessage(issue)
  }
}

/** What the console session endpoints answer (generated from /openapi.json). */
export type ConsoleSession = Api.ConsoleSession

/** null: signed out; undefined: not known yet (restoring after a reload). */
export const session = signal<ConsoleSession | null | undefined>(undefined)
/**
 * True while the session has ended under an open page (expired, or ended from elsewhere). The
 * page stays as it is, typed forms included; requests that met the end wait for the admin to
 * sign in again and are then sent once more.
 */
export const sessionExpired = signal(false)
let waitingForSignIn: Array<(signedIn: boolean) => void> = []

function resume(signedIn: boolean) {
  sessionExpired.value = false
  const waiting = waitingForSignIn
  waitingForSignIn = []
  for (const done of waiting) done(signedIn)
}

/** Resolves true once the admin has signed in again, false if they signed out instead. */
function signInAgain(): Promise<boolean> {
  sessionExpired.value = true
  return new Promise((done) => waitingForSignIn.push(done))
}
let expiresAt = 0
/** The server answers errors in the language the console asks for (codes stay the same). */
const languageHeader = () => ({ 'Accept-Language': lang.value })
const consoleHeaders = () => ({
  'X-Propusk-Console': '1',
  'Content-Type': 'application/json',
  ...languageHeader(),
})

async function failureFrom(response: Response): Promise<ApiFailure> {
  let body: Record<string, unknown> = {}
  try {
    body = (await response.json()) as Record<string, unknown>
  } catch {
    // not JSON: keep the status
  }
  const error = (body.error ?? {}) as { code?: string; message?: string; fields?: FieldIssue[] }
  return new ApiFailure(
    response.status,
    error.code ?? `http_${response.status}`,
    error.message ?? response.statusText,
    error.fields ?? [],
    body,
  )
}

export function acceptSession(next: ConsoleSession): void {
  // Refresh a little early so a request never leaves with a token about to expire.
  expiresAt = Date.now() + Math.max(5, next.expiresIn - 20) * 1000
  session.value = next
  if (sessionExpired.value) resume(true)
}

/** The refresh failed: at start-up that means signed out; under an open page, expired. */
function lost() {
  if (session.value) sessionExpired.value = true
  else session.value = null
}

let refreshing: Promise<boolean> | null = null

async function refreshOnce(): Promise<boolean> {
  const response = await fetch('/v1/console/refresh', {
    method: 'POST',
    headers: consoleHeaders(),
    credentials: 'same-origin',
  })
  if (!response.ok) {
    lost()
    return false
  }
  acceptSession((await response.json()) as ConsoleSession)
  return true
}

/**
 * Gets a fresh access token. Tabs share one cookie and each refresh token works once, so
 * refreshes are serialised across tabs with the Web Locks API (a second tab then sends the
 * cookie the first one just received, instead of replaying the old one).
 */
export function refresh(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const locks = (navigator as Navigator & { locks?: LockManager }).locks
      return locks
        ? await locks.request('propusk-console-refresh', () => refreshOnce())
        : await refreshOnce()
    } catch {
      // The network, not the server, failed: nothing is known about the session yet.
      if (session.value === undefined) session.value = null
      return false
    } finally {
      refreshing = null
    }
  })()
  return refreshing
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  body?: unknown
  query?: Record<string, string | number | boolean | undefined | null>
  /** Skip the bearer token (public endpoints). */
  anonymous?: boolean
  /** Raw text body (e.g. CSV) with its content type. */
  text?: { content: string; type: string }
}

export function withQuery(path: string, query?: RequestOptions['query']): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  }
  const text = params.toString()
  return text ? `${path}?${text}` : path
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const send = async () => {
    const headers: Record<string, string> = languageHeader()
    if (!options.anonymous && session.value) {
      headers.Authorization = `Bearer ${session.value.accessToken}`
    }
    let body: string | undefined
    if (options.text) {
      headers['Content-Type'] = options.text.type
      body = options.text.content
    } else if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json'
      body = JSON.stringify(options.body)
    }
    return fetch(withQuery(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body,
      credentials: 'same-origin',
    })
  }
  if (!options.anonymous && session.value && Date.now() > expiresAt) await refresh()
  let response = await send()
  if (response.status === 401 && !options.anonymous && session.value) {
    // The token expired or the session ended; one refresh tells which. Ended: the admin signs
    // in again over the page, and the request goes once more.
    if (sessionExpired.value || !(await refresh())) {
      if (await signInAgain()) response = await send()
    } else {
      response = await send()
    }
  }
  if (!response.ok) throw await failureFrom(response)
  if (response.status === 204) return undefined as T
  const type = response.headers.get('content-type') ?? ''
  return (type.includes('json') ? await response.json() : await response.text()) as T
}

/** Redeems the code the hosted pages sent back; the server sets the cookie. */
export async function startCodeSession(body: {
  code: string
  redirectUri: string
  codeVerifier: string
}): Promise<void> {
  const response = await fetch('/v1/console/session/code', {
    method: 'POST',
    headers: consoleHeaders(),
    credentials: 'same-origin',
    body: JSON.stringify(body),
  })
  if (!response.ok) throw await failureFrom(response)
  acceptSession((await response.json()) as ConsoleSession)
}

/**
 * Signs in through a sign-in method's own endpoint; the server sets the cookie. Only the
 * session-expired dialog uses it (password, in place), so a typed form survives signing in again.
 */
export async function startSession(via: string, payload: Record<string, unknown>) {
  const response = await fetch('/v1/console/session', {
    method: 'POST',
    headers: consoleHeaders(),
    credentials: 'same-origin',
    body: JSON.stringify({ via, payload }),
  })
  if (!response.ok) throw await failureFrom(response)
  const body = (await response.json()) as Partial<ConsoleSession> & Record<string, unknown>
  if (typeof body.accessToken === 'string') {
    acceptSession(body as ConsoleSession)
    return { signedIn: true as const }
  }
  return { signedIn: false as const, body }
}

/** Ends the console session, then the provider's SSO session (the browser leaves the page). */
export async function endSession(): Promise<void> {
  try {
    await fetch('/v1/console/logout', {
      method: 'POST',
      headers: consoleHeaders(),
      credentials: 'same-origin',
    })
  } finally {
    leaveThroughEndSession()
    session.value = null
    expiresAt = 0
    resume(false)
  }
}

export function can(permission: string): boolean {
  return session.value?.permissions.includes(permission) ?? false
}
