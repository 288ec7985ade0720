/**
 * The Propusk client: the sign-in calls of docs/sign-in.md, tokens kept in a pluggable storage,
 * and `authorizedFetch` for calls that need the bearer token. Web-standard only (fetch, URL,
 * AbortController), so the same code runs in browsers, React Native, Node and Deno.
 */
import { PropuskError } from './errors.ts'
import { operations } from './generated.ts'
import type {
  Me,
  OtpPasswordRequired,
  OtpSendResponse,
  SignInStartResponse,
  TokenResponse,
} from './generated.ts'
import { createRefresher, notSignedIn, tokensFrom } from './refresh.ts'
import { memoryStorage, type Tokens, type TokenStorage } from './storage.ts'
import { createTransport, type FetchLike } from './transport.ts'

export interface PropuskClientOptions {
  /** Propusk's PUBLIC_URL, e.g. `https://id.example.com`. */
  baseUrl: string
  /** The app's client id (its id under Apps in the console). */
  clientId: string
  /** Confidential apps (servers) only; never ship a secret in a mobile or browser app. */
  clientSecret?: string
  /** Default: memory (gone on reload). See `localStorageStorage` and `TokenStorage`. */
  storage?: TokenStorage
  /** Default: the global fetch. Also the place to add logging or a custom agent. */
  fetch?: FetchLike
  /** Shown in the person's session list, e.g. "Pixel 8". */
  deviceLabel?: string
  /** Deadline of each request (default 10 s: a retried refresh stays in the grace window). */
  timeoutMs?: number
  /** Refresh when the access token has less than this left (default 60 s). */
  refreshBeforeExpirySeconds?: number
  /** Waits before each refresh retry after a network failure or 5xx (default 0.3 s, 1 s, 3 s). */
  refreshRetryDelaysMs?: number[]
  /** The server ended the session (refresh answered `invalid_grant` / `app_access_denied`). */
  onSessionEnded?: (error: PropuskError) => void
}

/** Methods whose code arrives by SMS, call or e-mail; each is a pair of operations. */
export type CodeMethod = 'sms-otp' | 'flash-call' | 'email-otp'
const codeOperations = {
  'sms-otp': ['smsOtpSend', 'smsOtpVerify'],
  'flash-call': ['flashCallSend', 'flashCallVerify'],
  'email-otp': ['emailOtpSend', 'emailOtpVerify'],
} as const

export type VerifyResult = { status: 'signed_in'; tokens: Tokens } | OtpPasswordRequired

export type PropuskClient = ReturnType<typeof createPropuskClient>

export function createPropuskClient(options: PropuskClientOptions) {
  const { clientId, clientSecret } = options
  const storage = options.storage ?? memoryStorage()
  // Unbound `fetch` throws "Illegal invocation" in browsers.
  const fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
  const transport = createTransport({
    baseUrl: options.baseUrl,
    fetch,
    timeoutMs: options.timeoutMs ?? 10_000,
  })
  const refresher = createRefresher({
    transport,
    storage,
    clientId,
    clientSecret,
    retryDelaysMs: options.refreshRetryDelaysMs ?? [300, 1000, 3000],
    now: Date.now,
    onSessionEnded: options.onSessionEnded,
  })
  const skewMs = (options.refreshBeforeExpirySeconds ?? 60) * 1000
  const secret = clientSecret ? { clientSecret } : {}
  const device = options.deviceLabel ? { deviceLabel: options.deviceLabel } : {}

  async function signedIn(answer: TokenResponse): Promise<Tokens> {
    const tokens = tokensFrom(answer, Date.now())
    await storage.set(tokens)
    return tokens
  }

  /** A current access token: refreshed first when it expires within the margin. */
  async function accessToken(): Promise<string> {
    const tokens = (await refresher.pending()) ?? (await storage.get())
    if (!tokens) throw notSignedIn()
    if (tokens.expiresAt - Date.now() > skewMs) return tokens.accessToken
    return (await refresher.refresh()).accessToken
  }

  function withBearer(init: RequestInit, token: string): RequestInit {
    const headers = new Headers(init.headers)
    headers.set('authorization', `Bearer ${token}`)
    return { ...init, headers }
  }

  /**
   * `fetch(baseUrl + path)` with the bearer token; on a 401 it refreshes once and repeats the
   * request, so the body must be re-readable (a string, URLSearchParams, FormData, Blob).
   */
  async function authorizedFetch(path: string, init: RequestInit = {}): Promise<Response> {
    if (!path.startsWith('/')) throw new TypeError('authorizedFetch takes a path on the server')
    const used = await accessToken()
    const response = await transport.send(path, withBearer(init, used))
    if (response.status !== 401) return response
    await response.body?.cancel()
    // Another caller may have refreshed meanwhile: then its token is the one to try.
    const stored = (await refresher.pending()) ?? (await storage.get())
    const next =
      stored && stored.accessToken !== used
        ? stored.accessToken
        : (await refresher.refresh()).accessToken
    return transport.send(path, withBearer(init, next))
  }

  return {
    /** Which methods this app offers for the login (never says whether the account exists). */
    signInStart: (login: string): Promise<SignInStartResponse> =>
      transport.call('signInStart', { login, clientId }),

    sendCode: (method: CodeMethod, login: string): Promise<OtpSendResponse> =>
      transport.call(codeOperations[method][0], { login, clientId }),

    async verifyCode(method: CodeMethod, challengeId: string, code: string): Promise<VerifyResult> {
      const body = { challengeId, code, clientId, ...secret, ...device }
      const answer = await transport.call(codeOperations[method][1], body)
      if (answer.status === 'password_required') return answer
      return { status: 'signed_in', tokens: await signedIn(answer) }
    },

    async passwordSignIn(login: string, password: string): Promise<Tokens> {
      const body = { login, password, clientId, ...secret, ...device }
      return signedIn(await transport.call('passwordSignIn', body))
    },

    /** First sign-in (R4): the setup token from `verifyCode` and the person's new password. */
    async completeRegistration(setupToken: string, password: string): Promise<Tokens> {
      const body = { setupToken, password, clientId, ...secret, ...device }
      return signedIn(await transport.call('signInCompleteRegistration', body))
    },

    /** Rotates the tokens now; concurrent calls share one request. */
    refresh: (): Promise<Tokens> => refresher.refresh(),

    /** Ends the session on the server and forgets the tokens (also when the server is unreachable). */
    async signOut(): Promise<void> {
      await refresher.pending()?.catch(() => undefined)
      const tokens = await storage.get()
      if (!tokens) return
      try {
        await transport.call('tokenRevoke', {
          token: tokens.refreshToken,
          token_type_hint: 'refresh_token',
          client_id: clientId,
          ...(clientSecret ? { client_secret: clientSecret } : {}),
        })
      } finally {
        await storage.clear()
      }
    },

    async me(): Promise<Me> {
      const { method, path } = operations.getMe
      return transport.read('getMe', await authorizedFetch(path, { method }))
    },

    authorizedFetch,
    accessToken,
    /** The stored tokens, or null when signed out. */
    tokens: (): Promise<Tokens | null> => storage.get(),
  }
}
