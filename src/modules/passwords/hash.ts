/**
 * Password hashing with WebCrypto PBKDF2-HMAC-SHA256 (see docs/passwords.md for why).
 *
 * Encoded form: `pbkdf2-sha256$i=<iterations>[,p=<pepper id>]$<salt b64url>$<hash b64url>`.
 * Every hash carries its own scheme and parameters, so parameters can change later and old
 * hashes still verify (and are re-hashed on the next successful sign-in).
 */
import { base64UrlDecode, base64UrlEncode, hmacSha256, randomBytes } from '../../kernel/crypto.ts'

/**
 * Cloudflare Workers (production) reject PBKDF2 above 100,000 iterations with a NotSupportedError;
 * local workerd and Node do not, so the cap is enforced here.
 */
export const PBKDF2_MAX_ITERATIONS = 100_000

export const PASSWORD_HASH_SCHEME = 'pbkdf2-sha256'

/** The parameters new hashes are made with. */
export const PASSWORD_HASH_PARAMS = {
  iterations: 100_000,
  saltBytes: 16,
  hashBytes: 32,
} as const

export interface PasswordHashOptions {
  /** `PASSWORD_PEPPER`: a server-side secret mixed in with HMAC-SHA256 before PBKDF2. */
  pepper?: string | undefined
  /** Only for tests and migrations; defaults to {@link PASSWORD_HASH_PARAMS}. */
  iterations?: number
}

export interface PasswordVerification {
  ok: boolean
  /** The password matched but the hash was made with other parameters or another pepper. */
  needsRehash: boolean
}

interface ParsedHash {
  iterations: number
  pepperId: string | null
  salt: Uint8Array<ArrayBuffer>
  hash: Uint8Array
}

const encoder = new TextEncoder()

/** What every password goes through before anything else (NIST 800-63B: NFKC). */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC')
}

function checkIterations(iterations: number): void {
  if (!Number.isSafeInteger(iterations) || iterations < 1 || iterations > PBKDF2_MAX_ITERATIONS) {
    throw new RangeError(
      `PBKDF2 iterations must be 1..${PBKDF2_MAX_ITERATIONS} (the Cloudflare Workers limit), got ${iterations}`,
    )
  }
}

/** A short, non-secret id of a pepper, so a hash records which pepper it was made with. */
async function pepperIdOf(pepper: string): Promise<string> {
  return base64UrlEncode(await hmacSha256(pepper, 'propusk-pepper-id')).slice(0, 8)
}

/** The PBKDF2 input: the NFKC password, or HMAC-SHA256(pepper, password) when peppered. */
async function keyMaterial(
  password: string,
  pepper: string | null,
): Promise<Uint8Array<ArrayBuffer>> {
  const normalized = normalizePassword(password)
  if (pepper === null) return encoder.encode(normalized)
  return new Uint8Array(await hmacSha256(pepper, normalized))
}

async function pbkdf2(
  material: Uint8Array<ArrayBuffer>,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
  bytes: number,
): Promise<Uint8Array> {
  checkIterations(iterations)
  const key = await crypto.subtle.importKey('raw', material, 'PBKDF2', false, ['deriveBits'])
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    bytes * 8,
  )
  return new Uint8Array(bits)
}

/** Hashes a password with the current parameters (and the pepper, when one is configured). */
export async function hashPassword(
  password: string,
  options: PasswordHashOptions = {},
): Promise<string> {
  const iterations = options.iterations ?? PASSWORD_HASH_PARAMS.iterations
  checkIterations(iterations)
  const pepper = options.pepper || null
  const salt = randomBytes(PASSWORD_HASH_PARAMS.saltBytes)
  const hash = await pbkdf2(
    await keyMaterial(password, pepper),
    salt,
    iterations,
    PASSWORD_HASH_PARAMS.hashBytes,
  )
  const params = pepper ? `i=${iterations},p=${await pepperIdOf(pepper)}` : `i=${iterations}`
  return `${PASSWORD_HASH_SCHEME}$${params}$${base64UrlEncode(salt)}$${base64UrlEncode(hash)}`
}

/** Parses an encoded hash; null for anything malformed or over the iteration cap. */
export function parsePasswordHash(encoded: string): ParsedHash | null {
  const parts = encoded.split('$')
  if (parts.length !== 4 || parts[0] !== PASSWORD_HASH_SCHEME) return null
  const params = new Map<string, string>()
  for (const pair of (parts[1] as string).split(',')) {
    const [name, value] = pair.split('=')
    if (!name || value === undefined) return null
    params.set(name, value)
  }
  const iterations = Number(params.get('i'))
  // A stored hash demanding more work than Workers allow could never verify there: refuse it.
  if (!Number.isSafeInteger(iterations) || iterations < 1 || iterations > PBKDF2_MAX_ITERATIONS)
    return null
  try {
    const salt = new Uint8Array(base64UrlDecode(parts[2] as string))
    const hash = base64UrlDecode(parts[3] as string)
    if (salt.length < 8 || hash.length < 16) return null
    return { iterations, pepperId: params.get('p') ?? null, salt, hash }
  } catch {
    return null
  }
}

/** Compares every byte whatever the content, so timing does not reveal where they differ. */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length
  for (let i = 0; i < Math.max(a.length, b.length); i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0)
  return difference === 0
}

/**
 * Checks a password against an encoded hash. A hash made before a pepper was configured still
 * verifies (and asks for a re-hash); a hash made with a pepper that is no longer configured
 * cannot verify.
 */
export async function verifyPassword(
  password: string,
  encoded: string,
  options: PasswordHashOptions = {},
): Promise<PasswordVerification> {
  const parsed = parsePasswordHash(encoded)
  if (!parsed) return { ok: false, needsRehash: false }
  const pepper = options.pepper || null
  const currentPepperId = pepper ? await pepperIdOf(pepper) : null
  if (parsed.pepperId !== null && parsed.pepperId !== currentPepperId) {
    // Peppered with a secret we no longer have: still spend the work, so timing stays uniform.
    await pbkdf2(
      await keyMaterial(password, null),
      parsed.salt,
      parsed.iterations,
      parsed.hash.length,
    )
    return { ok: false, needsRehash: false }
  }
  const material = await keyMaterial(password, parsed.pepperId === null ? null : pepper)
  const candidate = await pbkdf2(material, parsed.salt, parsed.iterations, parsed.hash.length)
  const ok = constantTimeEqual(candidate, parsed.hash)
  const wanted = options.iterations ?? PASSWORD_HASH_PARAMS.iterations
  const needsRehash =
    ok &&
    (parsed.iterations !== wanted ||
      parsed.salt.length !== PASSWORD_HASH_PARAMS.saltBytes ||
      parsed.hash.length !== PASSWORD_HASH_PARAMS.hashBytes ||
      parsed.pepperId !== currentPepperId)
  return { ok, needsRehash }
}

let dummyHash: Promise<string> | undefined

/**
 * Spends the same work as a real verification, for logins with no password (unknown or not yet
 * activated), so response times do not tell them apart from wrong passwords.
 */
export async function burnPasswordCheck(
  password: string,
  options: PasswordHashOptions = {},
): Promise<void> {
  dummyHash ??= hashPassword('propusk-dummy-password', {
    iterations: PASSWORD_HASH_PARAMS.iterations,
  })
  const hash = await dummyHash
  await verifyPassword(password, hash, { iterations: options.iterations })
}

/**
 * For `npm run bench` and docs/passwords.md: hashes `samples` times and reports wall time per
 * hash in milliseconds (PBKDF2 is pure CPU, so wall time ≈ CPU time on an idle machine).
 */
export async function measurePasswordHashing(
  samples = 20,
): Promise<{ samples: number; iterations: number; meanMs: number; minMs: number; maxMs: number }> {
  await hashPassword('warm-up password') // JIT and key import paths
  const times: number[] = []
  for (let i = 0; i < samples; i++) {
    const started = performance.now()
    await hashPassword(`bench password ${i}`)
    times.push(performance.now() - started)
  }
  const round = (n: number) => Math.round(n * 100) / 100
  return {
    samples,
    iterations: PASSWORD_HASH_PARAMS.iterations,
    meanMs: round(times.reduce((a, b) => a + b, 0) / samples),
    minMs: round(Math.min(...times)),
    maxMs: round(Math.max(...times)),
  }
}
