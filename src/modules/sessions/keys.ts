import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose'
import * as z from 'zod'
import { ConfigError, formatZodIssues } from '../../kernel/config.ts'
import type { Logger } from '../../kernel/logger.ts'
import type { KeysDeps } from './deps.ts'

/** Verification accepts exactly these; anything else (HS256, `none`, RS256) is refused. */
export const signingAlgorithms = ['ES256', 'EdDSA'] as const
export type SigningAlgorithm = (typeof signingAlgorithms)[number]

export interface SigningKey {
  kid: string
  alg: SigningAlgorithm
  privateKey: CryptoKey
  publicKey: CryptoKey
  publicJwk: JWK
}

export interface KeySet {
  /** The first configured key: every new token is signed with it. */
  signing: SigningKey
  /** Every configured key, by kid: retired keys keep verifying their tokens until removed. */
  byKid: Map<string, SigningKey>
  /** Public parts only, for `/.well-known/jwks.json`. */
  publicJwks: JWK[]
}

const privateJwk = z.looseObject({
  kid: z.string().min(1).max(200),
  alg: z.enum(signingAlgorithms),
  kty: z.enum(['EC', 'OKP']),
  crv: z.enum(['P-256', 'Ed25519']),
  x: z.string().min(1),
  y: z.string().min(1).optional(),
  d: z.string().min(1, 'must be a private key (with "d")'),
})

const keyList = z
  .array(privateJwk)
  .min(1)
  .superRefine((keys, ctx) => {
    const seen = new Set<string>()
    keys.forEach((key, index) => {
      if (seen.has(key.kid))
        ctx.addIssue({ code: 'custom', path: [index, 'kid'], message: 'duplicate kid' })
      seen.add(key.kid)
      const expected = key.alg === 'ES256' ? ['EC', 'P-256'] : ['OKP', 'Ed25519']
      if (key.kty !== expected[0] || key.crv !== expected[1]) {
        ctx.addIssue({
          code: 'custom',
          path: [index],
          message: `${key.alg} needs kty ${expected[0]}, crv ${expected[1]}`,
        })
      }
    })
  })

type ParsedKey = z.output<typeof privateJwk>

/** Validates SIGNING_KEYS synchronously, so a bad value stops startup rather than a request. */
export function parseSigningKeys(raw: string): ParsedKey[] {
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    throw new ConfigError(['SIGNING_KEYS: must be a JSON array of private JWKs'])
  }
  const result = keyList.safeParse(json)
  if (!result.success) throw new ConfigError(formatZodIssues(result.error, 'SIGNING_KEYS.'))
  return result.data
}

function publicPart(key: ParsedKey): JWK {
  const jwk: JWK = { kty: key.kty, crv: key.crv, x: key.x, kid: key.kid, alg: key.alg, use: 'sig' }
  if (key.y) jwk.y = key.y
  return jwk
}

async function importKey(key: ParsedKey): Promise<SigningKey> {
  const publicJwk = publicPart(key)
  const { kid: _kid, alg: _alg, use: _use, key_ops: _ops, ext: _ext, ...material } = key
  const privateKey = (await importJWK({ ...material, kty: key.kty }, key.alg)) as CryptoKey
  const publicKey = (await importJWK(publicJwk, key.alg)) as CryptoKey
  return { kid: key.kid, alg: key.alg, privateKey, publicKey, publicJwk }
}

async function importKeySet(keys: ParsedKey[]): Promise<KeySet> {
  const imported = await Promise.all(keys.map(importKey))
  return {
    signing: imported[0] as SigningKey,
    byKid: new Map(imported.map((key) => [key.kid, key])),
    publicJwks: imported.map((key) => key.publicJwk),
  }
}

async function ephemeralKeySet(): Promise<KeySet> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true })
  const jwk = await exportJWK(privateKey)
  const kid = `ephemeral-${crypto.randomUUID().slice(0, 8)}`
  return importKeySet([privateJwk.parse({ ...jwk, kid, alg: 'ES256' })])
}

// Importing keys costs a few ms: do it once per process (isolate) and SIGNING_KEYS value.
const cache = new Map<string, Promise<KeySet>>()

/**
 * Returns a loader for the key set. Without SIGNING_KEYS (tests, a bare `createPropusk`) an
 * in-memory ES256 key is generated: tokens then die with the process, hence the warning.
 */
export function createKeyLoader(
  raw: string | undefined,
  log: Pick<Logger, 'warn'>,
): () => Promise<KeySet> {
  const parsed = raw ? parseSigningKeys(raw) : undefined
  const cacheKey = raw ?? ''
  let warned = false
  return () => {
    if (!parsed && !warned) {
      warned = true
      log.warn('SIGNING_KEYS is not set: signing with an ephemeral in-memory ES256 key')
    }
    let pending = cache.get(cacheKey)
    if (!pending) {
      pending = parsed ? importKeySet(parsed) : ephemeralKeySet()
      // A failed import must not stick: the next request retries.
      pending.catch(() => cache.delete(cacheKey))
      cache.set(cacheKey, pending)
    }
    return pending
  }
}

const loaders = new WeakMap<object, () => Promise<KeySet>>()

/** The key set of this Propusk (SIGNING_KEYS of its config); parses the setting once. */
export function keysFor(core: KeysDeps) {
  let loader = loaders.get(core.config)
  if (!loader) {
    loader = createKeyLoader(core.config.SIGNING_KEYS, core.log)
    loaders.set(core.config, loader)
  }
  return loader()
}
