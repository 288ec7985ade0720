import { describe, expect, it } from 'vitest'
import {
  PASSWORD_HASH_PARAMS,
  PBKDF2_MAX_ITERATIONS,
  burnPasswordCheck,
  hashPassword,
  measurePasswordHashing,
  parsePasswordHash,
  verifyPassword,
} from './hash.ts'

describe('password hashing', () => {
  it('stays within the Cloudflare Workers PBKDF2 limit of 100,000 iterations', async () => {
    // Production Workers throw NotSupportedError above 100,000; local workerd and Node do not.
    expect(PBKDF2_MAX_ITERATIONS).toBe(100_000)
    expect(PASSWORD_HASH_PARAMS.iterations).toBeLessThanOrEqual(100_000)
    const parsed = parsePasswordHash(await hashPassword('correct horse battery'))
    expect(parsed?.iterations).toBeLessThanOrEqual(100_000)
    await expect(hashPassword('x', { iterations: 100_001 })).rejects.toThrow(/100000/)
    // A stored hash asking for more work is refused rather than run.
    const tooMany = (await hashPassword('abc', { iterations: 1000 })).replace('i=1000', 'i=200000')
    expect(await verifyPassword('abc', tooMany, { iterations: 1000 })).toEqual({
      ok: false,
      needsRehash: false,
    })
  })

  it('round-trips and stores scheme, parameters, salt and hash', async () => {
    const hash = await hashPassword('correct horse battery')
    expect(hash).toMatch(/^pbkdf2-sha256\$i=100000\$[\w-]{22}\$[\w-]{43}$/)
    expect(await verifyPassword('correct horse battery', hash)).toEqual({
      ok: true,
      needsRehash: false,
    })
    expect(await verifyPassword('correct horse batterY', hash)).toEqual({
      ok: false,
      needsRehash: false,
    })
    // Random salt: the same password never hashes the same twice.
    expect(await hashPassword('correct horse battery')).not.toBe(hash)
  })

  it('applies NFKC before hashing, so equivalent spellings verify', async () => {
    const composed = 'Café ﬁle ①②③ パスワード'
    const decomposed = 'Cafe\u0301 ﬁle ①②③ パスワード'
    const hash = await hashPassword(composed)
    expect((await verifyPassword(decomposed, hash)).ok).toBe(true)
    expect((await verifyPassword('Café file 123 パスワード', hash)).ok).toBe(true)
  })

  it('asks for a re-hash when the parameters changed', async () => {
    const old = await hashPassword('пароль-для-теста', { iterations: 50_000 })
    expect(await verifyPassword('пароль-для-теста', old)).toEqual({ ok: true, needsRehash: true })
    expect(await verifyPassword('пароль-для-теста', old, { iterations: 50_000 })).toEqual({
      ok: true,
      needsRehash: false,
    })
    expect(await verifyPassword('wrong', old)).toEqual({ ok: false, needsRehash: false })
  })

  it('records the pepper; old hashes verify after a pepper is added and ask for an upgrade', async () => {
    const peppered = await hashPassword('long secret phrase', { pepper: 'pepper-1' })
    expect(peppered).toMatch(/^pbkdf2-sha256\$i=100000,p=[\w-]{8}\$/)
    expect(await verifyPassword('long secret phrase', peppered, { pepper: 'pepper-1' })).toEqual({
      ok: true,
      needsRehash: false,
    })
    // Without the pepper (or with another) nobody can verify it: that is the point of a pepper.
    expect((await verifyPassword('long secret phrase', peppered)).ok).toBe(false)
    expect((await verifyPassword('long secret phrase', peppered, { pepper: 'pepper-2' })).ok).toBe(
      false,
    )

    const plain = await hashPassword('long secret phrase')
    expect(await verifyPassword('long secret phrase', plain, { pepper: 'pepper-1' })).toEqual({
      ok: true,
      needsRehash: true,
    })
    const upgraded = await hashPassword('long secret phrase', { pepper: 'pepper-1' })
    expect(await verifyPassword('long secret phrase', upgraded, { pepper: 'pepper-1' })).toEqual({
      ok: true,
      needsRehash: false,
    })
  })

  it('refuses malformed hashes without throwing', async () => {
    for (const bad of [
      '',
      'plain',
      'bcrypt$2b$10$abc',
      'pbkdf2-sha256$i=abc$AAAA$BBBB',
      'pbkdf2-sha256$i=10$!!$??',
    ]) {
      expect(await verifyPassword('x', bad)).toEqual({ ok: false, needsRehash: false })
    }
  })

  it('burns the same work as a verification, and reports the cost per hash', async () => {
    const hash = await hashPassword('timing sample')
    const time = async (fn: () => Promise<unknown>) => {
      const started = performance.now()
      for (let i = 0; i < 5; i++) await fn()
      return (performance.now() - started) / 5
    }
    await burnPasswordCheck('warm up')
    const real = await time(() => verifyPassword('wrong password', hash))
    const dummy = await time(() => burnPasswordCheck('wrong password'))
    expect(dummy).toBeGreaterThan(real / 3)
    expect(dummy).toBeLessThan(real * 3)
    const cost = await measurePasswordHashing(5)
    console.log(
      `PBKDF2-SHA256 ${cost.iterations} iterations in Node: mean ${cost.meanMs} ms per hash`,
    )
    expect(cost.meanMs).toBeGreaterThan(0)
  })
})
