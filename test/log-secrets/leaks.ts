/**
 * Finds secrets in log lines. Two kinds of secret, matched differently:
 *
 * - Long secrets (tokens, passwords, client secrets, setup/invitation/reset tokens): random
 *   enough that any appearance is a leak. Each is looked for whole, JSON-escaped and
 *   percent-encoded, and, when long, as 20-character fragments from its start, middle and end
 *   (a truncated token in a log is still most of a token). A JWT is looked for by its payload
 *   and signature: its header is the same public text for every token.
 * - One-time codes (4–6 digits): a bare `1234` would match timestamps, durations and ids, so a
 *   code counts only as a whole digit run (no digit before or after it) that is the value of a
 *   code-like key (`code`, `otp`, `pin`, `caller…`, `digits`) in the parsed JSON line, or that
 *   follows a code-like word within 20 non-digit characters anywhere in the raw line
 *   (`"msg":"sent code 1234"`).
 */
export interface Secrets {
  long: Map<string, string>
  codes: Map<string, string>
}

export function createSecrets(): Secrets & {
  add(kind: string, value: unknown): void
  code(kind: string, value: unknown): void
} {
  const secrets = { long: new Map<string, string>(), codes: new Map<string, string>() }
  return {
    ...secrets,
    add(kind, value) {
      if (typeof value !== 'string' || value.length < 8) {
        throw new Error(`log-secrets: ${kind} is not a secret string: ${String(value)}`)
      }
      secrets.long.set(value, kind)
    },
    code(kind, value) {
      if (typeof value !== 'string' || !/^\d{4,10}$/.test(value)) {
        throw new Error(`log-secrets: ${kind} is not a code: ${String(value)}`)
      }
      secrets.codes.set(value, kind)
    },
  }
}

const codeKey = /code|otp|pin|caller|digits|passcode/i

function needles(secret: string): string[] {
  const parts = secret.split('.')
  const isJwt = parts.length === 3 && secret.startsWith('eyJ')
  const bodies = isJwt ? parts.slice(1).filter((p) => p.length >= 16) : [secret]
  const out = new Set<string>()
  for (const body of bodies) {
    out.add(body)
    out.add(JSON.stringify(body).slice(1, -1))
    out.add(encodeURIComponent(body))
    if (body.length >= 32) {
      const mid = Math.floor(body.length / 2) - 10
      for (const start of [0, mid, body.length - 20]) out.add(body.slice(start, start + 20))
    }
  }
  return [...out]
}

function codeValues(value: unknown, key: string, found: Array<{ key: string; text: string }>) {
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) codeValues(v, k, found)
  } else if ((typeof value === 'string' || typeof value === 'number') && codeKey.test(key)) {
    found.push({ key, text: String(value) })
  }
}

export interface Leak {
  kind: string
  line: string
}

export function findLeaks(lines: string[], secrets: Secrets): Leak[] {
  const leaks: Leak[] = []
  const longNeedles = [...secrets.long].map(([secret, kind]) => ({ kind, list: needles(secret) }))
  for (const line of lines) {
    for (const { kind, list } of longNeedles) {
      if (list.some((needle) => line.includes(needle))) leaks.push({ kind, line })
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(line)
    } catch {
      parsed = undefined
    }
    const keyed: Array<{ key: string; text: string }> = []
    codeValues(parsed, '', keyed)
    for (const [code, kind] of secrets.codes) {
      const whole = new RegExp(`(?<!\\d)${code}(?!\\d)`)
      const nearWord = new RegExp(
        `(?:code|otp|pin|caller|digits)[^\\d]{0,20}(?<!\\d)${code}(?!\\d)`,
        'i',
      )
      if (keyed.some((k) => whole.test(k.text)) || nearWord.test(line)) leaks.push({ kind, line })
    }
  }
  return leaks
}
