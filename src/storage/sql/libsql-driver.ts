/**
 * Values and errors between the port and the `libsql` driver, converted as `@libsql/client`'s
 * file client converts them (same argument checks, same `LibsqlError` codes), so the file
 * adapter (libsql-file-node.ts) and the client are interchangeable for `mapLibsqlError`.
 */
import Database from 'libsql'
import { LibsqlBatchError, LibsqlError } from '@libsql/client'
import type { SqlStatement, SqlValue } from '../../kernel/ports/sql.ts'
import { fromValue, toInValue } from './libsql.ts'

/** The driver returns blobs as `Buffer`; the port promises plain `Uint8Array`s. */
export function fromDriver(value: unknown): SqlValue {
  if (value instanceof Uint8Array && value.constructor !== Uint8Array) {
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
  }
  return fromValue(value)
}

/** Positional values, or named ones without their prefix, as the driver binds them. */
export type DriverArgs = unknown[] | Record<string, unknown>

export function normalise(statement: SqlStatement | string): { sql: string; args: DriverArgs } {
  if (typeof statement === 'string') return { sql: statement, args: [] }
  const { sql, args } = statement
  if (args === undefined) return { sql, args: [] }
  if (Array.isArray(args)) return { sql, args: args.map(toDriverValue) }
  // The driver takes names without their `:`, `@` or `$`, as the client passes them.
  const named: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(args)) {
    const bare = name[0] === ':' || name[0] === '@' || name[0] === '$' ? name.slice(1) : name
    named[bare] = toDriverValue(value)
  }
  return { sql, args: named }
}

const MIN_INTEGER = -(2n ** 63n)
const MAX_INTEGER = 2n ** 63n - 1n

/** The client's argument checks, with the same messages. */
function toDriverValue(value: SqlValue): unknown {
  const bound = toInValue(value)
  if (typeof bound === 'number' && !Number.isFinite(bound)) {
    throw new RangeError('Only finite numbers (not Infinity or NaN) can be passed as arguments')
  }
  if (typeof bound === 'bigint' && (bound < MIN_INTEGER || bound > MAX_INTEGER)) {
    throw new RangeError(
      'bigint is too large to be represented as a 64-bit integer and passed as argument',
    )
  }
  return bound
}

/** The driver's `SqliteError` as the client reports it: base code, extended code, raw code. */
export function toLibsqlError(err: unknown): unknown {
  if (!(err instanceof Database.SqliteError)) return err
  const base = err.rawCode === undefined ? undefined : SQLITE_CODES[err.rawCode & 0xff]
  const code =
    err.rawCode === undefined ? 'SQLITE_UNKNOWN' : (base ?? `SQLITE_UNKNOWN_${err.rawCode & 0xff}`)
  return new LibsqlError(err.message, code, err.code, err.rawCode, err)
}

export function toBatchError(err: unknown, index: number): unknown {
  if (err instanceof LibsqlBatchError || !(err instanceof LibsqlError)) return err
  const cause = err.cause instanceof Error ? err.cause : undefined
  return new LibsqlBatchError(err.message, index, err.code, err.extendedCode, err.rawCode, cause)
}

const SQLITE_CODES: Record<number, string> = {
  1: 'SQLITE_ERROR',
  2: 'SQLITE_INTERNAL',
  3: 'SQLITE_PERM',
  4: 'SQLITE_ABORT',
  5: 'SQLITE_BUSY',
  6: 'SQLITE_LOCKED',
  7: 'SQLITE_NOMEM',
  8: 'SQLITE_READONLY',
  9: 'SQLITE_INTERRUPT',
  10: 'SQLITE_IOERR',
  11: 'SQLITE_CORRUPT',
  12: 'SQLITE_NOTFOUND',
  13: 'SQLITE_FULL',
  14: 'SQLITE_CANTOPEN',
  15: 'SQLITE_PROTOCOL',
  16: 'SQLITE_EMPTY',
  17: 'SQLITE_SCHEMA',
  18: 'SQLITE_TOOBIG',
  19: 'SQLITE_CONSTRAINT',
  20: 'SQLITE_MISMATCH',
  21: 'SQLITE_MISUSE',
  22: 'SQLITE_NOLFS',
  23: 'SQLITE_AUTH',
  24: 'SQLITE_FORMAT',
  25: 'SQLITE_RANGE',
  26: 'SQLITE_NOTADB',
  27: 'SQLITE_NOTICE',
  28: 'SQLITE_WARNING',
}
