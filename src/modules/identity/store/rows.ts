import type { SqlRow, SqlValue } from '../../../kernel/ports/sql.ts'
import { base64UrlDecode, base64UrlEncode } from '../../../kernel/crypto.ts'
import { identityError } from './errors.ts'

export const text = (row: SqlRow, key: string): string => String(row[key] ?? '')

export const textOrNull = (row: SqlRow, key: string): string | null => {
  const value = row[key]
  return value === null || value === undefined ? null : String(value)
}

export function jsonArray(value: SqlValue | undefined): string[] {
  if (typeof value !== 'string') return []
  try {
    const parsed: unknown = JSON.parse(value)
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : []
  } catch {
    return []
  }
}

export function jsonObject(value: SqlValue | undefined): Record<string, unknown> {
  if (typeof value !== 'string') return {}
  try {
    const parsed: unknown = JSON.parse(value)
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {}
  } catch {
    return {}
  }
}

/** `%`, `_` and the escape char itself are literal in searches (`LIKE ? ESCAPE '\'`). */
export function likeContains(term: string): string {
  return `%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`
}

/** `IN (?, ?, ?)` placeholders. */
export const placeholders = (count: number): string => Array(count).fill('?').join(', ')

export const encoder = new TextEncoder()
const decoder = new TextDecoder()

/**
 * Opaque keyset cursor over `(time, id)`: stable under inserts (unlike offsets), and clients
 * cannot build one by hand because its shape is not part of the API.
 */
export function encodeCursor(time: string, id: string): string {
  return base64UrlEncode(encoder.encode(JSON.stringify([time, id])))
}

export function decodeCursor(cursor: string): { time: string; id: string } {
  try {
    const parsed: unknown = JSON.parse(decoder.decode(base64UrlDecode(cursor)))
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string'
    ) {
      return { time: parsed[0], id: parsed[1] }
    }
  } catch {
    // reported below
  }
  throw identityError('invalid_cursor', undefined, {
    fields: [{ field: 'cursor', code: 'cursor_malformed', message: 'malformed cursor' }],
  })
}

/** Splits a list for `IN (...)` queries; SQLite caps bound parameters per statement. */
export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
