/**
 * Which SQL statements may keep their compiled form between calls, and a bounded
 * least-recently-used map of compiled statements keyed by their SQL text (one per connection).
 *
 * Reuse is limited to statements whose compiled form depends on nothing but their text and the
 * schema: queries and data changes, plus the transaction statements the batch issues. SQLite
 * itself recompiles a kept statement when the schema changes under it (its `prepare_v2`
 * contract), but a statement that changes the schema or the connection (DDL, `ATTACH`,
 * `PRAGMA`, `VACUUM`, anything not recognised) is never kept, and running one drops every kept
 * statement, so nothing compiled against the old schema or the old set of databases survives it.
 */

/** `reuse`: may be kept; `schema`: compiled for one call, and the cache is emptied after it. */
export type StatementKind = 'reuse' | 'schema'

const REUSABLE = new Set([
  'SELECT',
  'INSERT',
  'UPDATE',
  'DELETE',
  'REPLACE',
  'WITH',
  'VALUES',
  'BEGIN',
  'COMMIT',
  'END',
  'ROLLBACK',
  'SAVEPOINT',
  'RELEASE',
])

/** Classifies by the first keyword after leading white space and comments. */
export function statementKind(sql: string): StatementKind {
  const word = /^[A-Za-z]+/.exec(sql.slice(firstTokenAt(sql)))
  return word && REUSABLE.has(word[0].toUpperCase()) ? 'reuse' : 'schema'
}

/** Where the first token starts, after white space and SQL comments (the length if none). */
export function firstTokenAt(sql: string): number {
  let i = 0
  for (;;) {
    while (i < sql.length && /\s/.test(sql[i]!)) i++
    if (sql.startsWith('--', i)) {
      const end = sql.indexOf('\n', i)
      if (end === -1) return sql.length
      i = end + 1
    } else if (sql.startsWith('/*', i)) {
      const end = sql.indexOf('*/', i + 2)
      if (end === -1) return sql.length
      i = end + 2
    } else {
      return i
    }
  }
}

/** A `Map` in insertion order doubles as the recency list: a hit moves its key to the end. */
export class StatementCache<T> {
  readonly #entries = new Map<string, T>()

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 0) {
      throw new RangeError(`statement cache limit must be a whole number ≥ 0, got ${limit}`)
    }
  }

  get size(): number {
    return this.#entries.size
  }

  get(sql: string): T | undefined {
    const entry = this.#entries.get(sql)
    if (entry !== undefined) {
      this.#entries.delete(sql)
      this.#entries.set(sql, entry)
    }
    return entry
  }

  set(sql: string, entry: T): void {
    if (this.limit === 0) return
    this.#entries.delete(sql)
    this.#entries.set(sql, entry)
    if (this.#entries.size > this.limit) {
      const oldest = this.#entries.keys().next().value
      if (oldest !== undefined) this.#entries.delete(oldest)
    }
  }

  clear(): void {
    this.#entries.clear()
  }
}
