/**
 * A minimal client for the Upstash Redis REST API: one command per `POST /` with a JSON array,
 * answered `{"result": …}` or `{"error": "…"}` (status 400). Propusk sends only a handful of
 * commands (EVALSHA/EVAL, GET, SET, DEL, GETDEL, PTTL, PING), so it does not ship the whole
 * `@upstash/redis` SDK (~20 KB of the gzipped Worker, most of it the typed command catalogue).
 * What it keeps from the SDK, on purpose:
 * - read-your-writes: each answer's `upstash-sync-token` goes back with the next request, so a
 *   read after a write never sees an older replica of a global database;
 * - network failures (not HTTP errors) are retried twice, 50 and 100 ms apart;
 * - one `AbortSignal.timeout` per command covers its retries (docs/operations.md);
 * - EVALSHA first, EVAL when the server answers NOSCRIPT.
 * Values are sent and read as plain JSON strings (no `Upstash-Encoding: base64`): every value
 * Propusk stores is text it wrote itself.
 */

export interface UpstashRestOptions {
  url: string
  token: string
  /** Aborts each command (retries included) after this long; unset: no client-side limit. */
  timeoutMs?: number
}

/** The server answered with an error about the command (e.g. `WRONGTYPE …`, `NOSCRIPT …`). */
export class UpstashError extends Error {
  override name = 'UpstashError'
}

const RETRIES = 2

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function sha1Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(text))
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('')
}

export interface UpstashRest {
  command(args: string[]): Promise<unknown>
  /** EVALSHA, then EVAL if the server does not have the script cached. */
  script(source: string, keys: string[], args: string[]): Promise<unknown>
}

export function createUpstashRest(options: UpstashRestOptions): UpstashRest {
  const endpoint = options.url.replace(/\/+$/, '')
  const authorization = `Bearer ${options.token}`
  let syncToken = ''
  const shas = new Map<string, Promise<string>>()

  async function post(body: string, signal: AbortSignal | undefined): Promise<Response> {
    const init = {
      method: 'POST',
      headers: {
        authorization,
        'content-type': 'application/json',
        'upstash-sync-token': syncToken,
      },
      body,
      ...(signal ? { signal } : {}),
    }
    for (let attempt = 0; ; attempt++) {
      try {
        return await fetch(endpoint, init)
      } catch (error) {
        if (signal?.aborted || attempt >= RETRIES) throw error
        await sleep(50 * 2 ** attempt)
      }
    }
  }

  async function command(args: string[]): Promise<unknown> {
    const signal = options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined
    const response = await post(JSON.stringify(args), signal)
    syncToken = response.headers.get('upstash-sync-token') ?? syncToken
    const text = await response.text()
    let reply: { result?: unknown; error?: unknown }
    try {
      reply = JSON.parse(text) as typeof reply
    } catch {
      // Not the API talking (a proxy page, an outage): the caller sees a dependency failure.
      throw new Error(`Upstash answered ${response.status} without JSON`)
    }
    if (typeof reply.error === 'string') {
      // Only a 400 is about the command; 401, 403, 5xx are about the service or its setup.
      if (response.status === 400 || response.ok) throw new UpstashError(reply.error)
      throw new Error(`Upstash answered ${response.status}: ${reply.error}`)
    }
    if (!response.ok || !('result' in reply)) {
      throw new Error(`Upstash answered ${response.status} without a result`)
    }
    return reply.result
  }

  return {
    command,
    async script(source, keys, args) {
      let sha = shas.get(source)
      if (!sha) shas.set(source, (sha = sha1Hex(source)))
      const tail = [String(keys.length), ...keys, ...args]
      try {
        return await command(['EVALSHA', await sha, ...tail])
      } catch (error) {
        if (!(error instanceof UpstashError) || !/^NOSCRIPT\b/i.test(error.message)) throw error
        return command(['EVAL', source, ...tail])
      }
    },
  }
}
