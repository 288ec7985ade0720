/**
 * Where the client keeps its tokens. Every adapter is asynchronous so that a mobile app can keep
 * them in the Keychain / Keystore (e.g. expo-secure-store, react-native-keychain) behind the same
 * three calls; the client awaits `set` before it uses new tokens, because the refresh token they
 * replace is already spent on the server.
 */

export interface Tokens {
  accessToken: string
  /** Single use: every refresh returns the next one. */
  refreshToken: string
  /** When the access token expires, in ms since the epoch (the client's clock). */
  expiresAt: number
  sessionId: string
}

export interface TokenStorage {
  get(): Promise<Tokens | null>
  set(tokens: Tokens): Promise<void>
  clear(): Promise<void>
}

/** Tokens for the life of the page or process: gone on reload. */
export function memoryStorage(initial: Tokens | null = null): TokenStorage {
  let tokens = initial
  return {
    get: async () => tokens,
    set: async (next) => {
      tokens = next
    },
    clear: async () => {
      tokens = null
    },
  }
}

/** The minimal part of the Web Storage API used (`localStorage`, `sessionStorage`). */
export interface WebStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

function isTokens(value: unknown): value is Tokens {
  const t = value as Partial<Tokens> | null
  return (
    typeof t?.accessToken === 'string' &&
    typeof t.refreshToken === 'string' &&
    typeof t.expiresAt === 'number' &&
    typeof t.sessionId === 'string'
  )
}

/**
 * Tokens in the browser's `localStorage` under `key` (or in another Web Storage, e.g.
 * `sessionStorage`). Anything a script on the page runs can read them: keep a strict CSP.
 * An entry that is not a token set (edited by hand, an older format) reads as signed out.
 */
export function localStorageStorage(
  key = 'propusk.tokens',
  store: WebStorage = globalThis.localStorage,
): TokenStorage {
  if (!store) throw new TypeError('localStorage is not available here')
  return {
    async get() {
      const text = store.getItem(key)
      if (text === null) return null
      try {
        const value: unknown = JSON.parse(text)
        return isTokens(value) ? value : null
      } catch {
        return null
      }
    },
    set: async (tokens) => store.setItem(key, JSON.stringify(tokens)),
    clear: async () => store.removeItem(key),
  }
}
