/**
 * The SQL port. Everything Propusk keeps durably (people, roles, apps, sessions, audit) goes
 * through this interface; the real implementations are libSQL's: `@libsql/client` for Turso over
 * HTTP/WebSockets or any libSQL server, and the `libsql` driver itself for a local file.
 */
export type SqlValue = string | number | bigint | null | Uint8Array | boolean

export interface SqlStatement {
  sql: string
  args?: SqlValue[] | Record<string, SqlValue>
}

export type SqlRow = Record<string, SqlValue>

export interface SqlResult {
  rows: SqlRow[]
  rowsAffected: number
  lastInsertRowid: bigint | undefined
}

export interface SqlDatabase {
  /** Runs one statement. */
  execute(statement: SqlStatement | string): Promise<SqlResult>
  /**
   * Runs several statements in one round trip inside one transaction: either every statement
   * takes effect or none does.
   */
  batch(statements: SqlStatement[]): Promise<SqlResult[]>
  /** Runs a script of `;`-separated statements (migrations); not atomic on every backend. */
  executeScript(sql: string): Promise<void>
  close(): void
}

/** Raised by adapters when a constraint (UNIQUE, FOREIGN KEY, CHECK) rejects a write. */
export class SqlConstraintError extends Error {
  override readonly name = 'SqlConstraintError'
  constructor(
    message: string,
    /** `unique`, `foreign_key`, `check`, `not_null` or `other`. */
    readonly constraint: 'unique' | 'foreign_key' | 'check' | 'not_null' | 'other',
    /** For UNIQUE failures: the `table.column` names libSQL reported. */
    readonly columns: string[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

export { DependencyError } from './dependency-error.ts'
