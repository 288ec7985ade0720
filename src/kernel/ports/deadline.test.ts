import { describe, expect, it } from 'vitest'
import { DependencyError } from './dependency-error.ts'
import { DeadlineExceeded, withDeadline, withStateDeadline } from './deadline.ts'
import { SqlConstraintError } from './sql.ts'
import { createMemoryStateStore } from '../../storage/state/memory.ts'

const never = () => new Promise<never>(() => {})

describe('withDeadline', () => {
  it('rejects a call that does not settle with DependencyError naming the method', async () => {
    const port = { kind: 'x' as const, hang: never }
    const guarded = withDeadline(port, { dependency: 'sql', timeoutMs: 50 })
    const started = performance.now()
    const error = await guarded.hang().catch((e: unknown) => e)
    expect(performance.now() - started).toBeGreaterThanOrEqual(45)
    expect(error).toBeInstanceOf(DependencyError)
    expect(error).toMatchObject({ dependency: 'sql' })
    const cause = (error as Error).cause
    expect(cause).toBeInstanceOf(DeadlineExceeded)
    expect(cause).toMatchObject({ method: 'sql.hang', timeoutMs: 50 })
  })

  it('passes answers and other failures through unchanged', async () => {
    const constraint = new SqlConstraintError('UNIQUE constraint failed', 'unique')
    const port = {
      answer: async (n: number) => n * 2,
      refuse: async () => Promise.reject(constraint),
      sync: () => 'now',
      name: 'not a function',
    }
    const guarded = withDeadline(port, { dependency: 'sql', timeoutMs: 1000 })
    expect(await guarded.answer(21)).toBe(42)
    await expect(guarded.refuse()).rejects.toBe(constraint)
    expect(guarded.sync()).toBe('now')
    expect(guarded.name).toBe('not a function')
  })

  it('covers every method of the real state store, including ones it does not list', async () => {
    const store = createMemoryStateStore({ prefix: 'deadline-unit:' })
    // A method the port may gain later: the Proxy covers it without a list to update.
    const extended = Object.assign(store, { later: never })
    const guarded = withStateDeadline(extended, 50) as typeof extended
    expect(guarded.kind).toBe('memory')
    expect(await guarded.set('k', 'v')).toBe(true)
    expect(await guarded.getAndDelete('k')).toBe('v')
    await expect(guarded.later()).rejects.toMatchObject({ dependency: 'state' })
    // `close` is exempt: the clients bound their own shutdown.
    expect(guarded.close).toBe(store.close)
    await guarded.close()
  })

  it('keeps `this` for methods that read their own object', async () => {
    class Counter {
      count = 0
      async bump() {
        return ++this.count
      }
    }
    const guarded = withDeadline(new Counter(), { dependency: 'state', timeoutMs: 1000 })
    expect(await guarded.bump()).toBe(1)
    expect(await guarded.bump()).toBe(2)
  })
})
