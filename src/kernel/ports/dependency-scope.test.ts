import { describe, expect, it } from 'vitest'
import { withDeadline } from './deadline.ts'
import { DependencyError } from './dependency-error.ts'
import { DependencyScope, FailedEarlier } from './dependency-scope.ts'
import { SqlConstraintError } from './sql.ts'

/** A port whose `hang` never answers (under a 50 ms deadline), counting every call it gets. */
function countingPort() {
  const calls: string[] = []
  const constraint = new SqlConstraintError('UNIQUE constraint failed', 'unique')
  const port = {
    hang: () => {
      calls.push('hang')
      return new Promise<never>(() => {})
    },
    answer: async (n: number) => {
      calls.push('answer')
      return n * 2
    },
    refuse: async () => {
      calls.push('refuse')
      throw constraint
    },
    close: () => 'closed',
  }
  return { calls, constraint, port: withDeadline(port, { dependency: 'sql', timeoutMs: 50 }) }
}

describe('DependencyScope', () => {
  it('after the first DependencyError, refuses further calls at once without making them', async () => {
    const { calls, port } = countingPort()
    const scope = new DependencyScope()
    const sql = scope.guard(port, 'sql', ['close'])
    expect(await sql.answer(21)).toBe(42)

    const first = await sql.hang().catch((e: unknown) => e)
    expect(first).toBeInstanceOf(DependencyError)
    expect(scope.failure('sql')).toBe(first)

    const started = performance.now()
    const refused = await sql.answer(1).catch((e: unknown) => e)
    expect(performance.now() - started).toBeLessThan(20)
    expect(refused).toBeInstanceOf(DependencyError)
    expect((refused as Error).cause).toBeInstanceOf(FailedEarlier)
    expect(calls).toEqual(['answer', 'hang'])
    // What a request reports is the call that waited, not the one refused after it.
    expect(scope.firstOf(refused)).toBe(first)
    expect(sql.close()).toBe('closed')
  })

  it('is tripped by a failure noted from elsewhere, for that dependency only', async () => {
    const { calls, port } = countingPort()
    const scope = new DependencyScope()
    const sql = scope.guard(port, 'sql')
    scope.note(new DependencyError('state', new Error('frozen')))
    expect(await sql.answer(2)).toBe(4)
    scope.note(new Error('a provider error'))
    expect(await sql.answer(3)).toBe(6)
    scope.note(new DependencyError('sql', new Error('gone')))
    await expect(sql.answer(4)).rejects.toBeInstanceOf(DependencyError)
    expect(calls).toEqual(['answer', 'answer'])
  })

  it('is not tripped by answers about the data, and scopes do not share failures', async () => {
    const { calls, constraint, port } = countingPort()
    const one = new DependencyScope()
    await expect(one.guard(port, 'sql').refuse()).rejects.toBe(constraint)
    expect(await one.guard(port, 'sql').answer(5)).toBe(10)

    await one
      .guard(port, 'sql')
      .hang()
      .catch(() => undefined)
    const other = new DependencyScope()
    expect(await other.guard(port, 'sql').answer(6)).toBe(12)
    expect(calls).toEqual(['refuse', 'answer', 'hang', 'answer'])
    expect(other.firstOf(constraint)).toBe(constraint)
  })
})
