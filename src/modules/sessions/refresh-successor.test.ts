import { describe, expect, it } from 'vitest'
import { randomToken } from '../../kernel/crypto.ts'
import { successorOf } from './refresh-successor.ts'

describe('successorOf', () => {
  it('is a 256-bit URL-safe token, the same for the same token and key, different otherwise', async () => {
    // Only keying material here: successorOf never parses SIGNING_KEYS.
    const keys = JSON.stringify([{ kid: 'a', d: randomToken() }])
    const token = randomToken()
    const successor = await successorOf(token, keys)
    expect(successor).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(successor).not.toBe(token)
    expect(await successorOf(token, keys)).toBe(successor)
    expect(await successorOf(randomToken(), keys)).not.toBe(successor)
    // Another install, or rotated SIGNING_KEYS, derive other successors.
    expect(await successorOf(token, JSON.stringify([{ kid: 'b', d: randomToken() }]))).not.toBe(
      successor,
    )
    // Without SIGNING_KEYS a per-process key is used: stable within the process.
    expect(await successorOf(token, undefined)).toBe(await successorOf(token, undefined))
    expect(await successorOf(token, undefined)).not.toBe(successor)
  })
})
