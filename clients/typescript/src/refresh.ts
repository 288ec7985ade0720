/**
 * Refresh tokens are single use, and a second use outside the server's grace window ends the
 * session. So: one refresh in flight at a time (every concurrent caller awaits the same one),
 * the new tokens stored before anyone uses them, and after a network failure or a 5xx a retry
 * with the SAME refresh token, which the grace window (REFRESH_GRACE_SECONDS) answers with the
 * same successor when the first answer was lost on the way back.
 */
import { isPropuskError, PropuskError } from './errors.ts'
import type { TokenResponse } from './generated.ts'
import type { Tokens, TokenStorage } from './storage.ts'
import type { Transport } from './transport.ts'

export interface RefresherOptions {
  transport: Transport
  storage: TokenStorage
  clientId: string
  clientSecret: string | undefined
  /** Waits before each retry; its length is the number of retries. */
  retryDelaysMs: number[]
  now: () => number
  /** Called once the server has said that the session is over. */
  onSessionEnded: ((error: PropuskError) => void) | undefined
}

/** Answers after which the stored refresh token is worthless. */
const sessionOver = ['invalid_grant', 'app_access_denied'] as const

export function tokensFrom(answer: TokenResponse, now: number): Tokens {
  return {
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token,
    expiresAt: now + answer.expires_in * 1000,
    sessionId: answer.session_id,
  }
}

/** Worth the same request again: no answer, or the server or a dependency failed. */
const retryable = (error: unknown) =>
  isPropuskError(error) && (error.code === 'network_error' || error.status >= 500)

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export function notSignedIn(): PropuskError {
  return new PropuskError({ code: 'not_signed_in', message: 'No tokens: sign in.', status: 0 })
}

export interface Refresher {
  refresh(): Promise<Tokens>
  /** The refresh in flight, if any (sign-out waits for it so it revokes the newest token). */
  pending(): Promise<Tokens> | null
}

export function createRefresher(options: RefresherOptions): Refresher {
  let inFlight: Promise<Tokens> | null = null

  async function rotate(): Promise<Tokens> {
    const current = await options.storage.get()
    if (!current) throw notSignedIn()
    for (let attempt = 0; ; attempt++) {
      try {
        const answer = await options.transport.call('tokenRefresh', {
          grant_type: 'refresh_token',
          refresh_token: current.refreshToken,
          client_id: options.clientId,
          ...(options.clientSecret ? { client_secret: options.clientSecret } : {}),
        })
        const tokens = tokensFrom(answer, options.now())
        await options.storage.set(tokens)
        return tokens
      } catch (error) {
        const delay = options.retryDelaysMs[attempt]
        if (retryable(error) && delay !== undefined) {
          await wait(delay)
          continue
        }
        if (isPropuskError(error, ...sessionOver)) {
          await options.storage.clear()
          options.onSessionEnded?.(error)
        }
        throw error
      }
    }
  }

  return {
    refresh() {
      inFlight ??= rotate().finally(() => {
        inFlight = null
      })
      return inFlight
    },
    pending: () => inFlight,
  }
}
