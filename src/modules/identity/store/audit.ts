import type { SqlDatabase, SqlStatement, SqlValue } from '../../../kernel/ports/sql.ts'
import { randomId } from '../../../kernel/crypto.ts'
import type { AuditEntry } from '../model/types.ts'
import { decodeCursor, encodeCursor, jsonObject, placeholders, text, textOrNull } from './rows.ts'

/** Who performs a write, for the audit entry written in the same batch. */
export interface Actor {
  actorType?: AuditEntry['actorType']
  actorId: string | null
  ip?: string | null
  requestId?: string | null
  appId?: string | null
}

export interface StoredAuditEntry extends Required<Omit<AuditEntry, 'details'>> {
  id: string
  at: string
  details: Record<string, unknown>
}

export interface AuditQuery {
  actorId?: string
  /** Prefix: `user.` matches `user.create`, `user.block`... */
  action?: string
  targetType?: string
  targetId?: string
  result?: AuditEntry['result']
  /** ISO times, inclusive `from`, exclusive `to`. */
  from?: string
  to?: string
  cursor?: string
  limit: number
}

const auditInsert = `INSERT INTO audit_log (id, at, actor_type, actor_id, action, target_type,
  target_id, result, ip, request_id, app_id, details)`

function auditArgs(entry: AuditEntry, at: Date): SqlValue[] {
  return [
    randomId('aud'),
    at.toISOString(),
    entry.actorType,
    entry.actorId ?? null,
    entry.action,
    entry.targetType ?? null,
    entry.targetId ?? null,
    entry.result,
    entry.ip ?? null,
    entry.requestId ?? null,
    entry.appId ?? null,
    JSON.stringify(entry.details ?? {}),
  ]
}

/** The INSERT for one entry: repositories add it to the batch of the write it describes. */
export function auditStatement(entry: AuditEntry, at: Date): SqlStatement {
  return { sql: `${auditInsert} VALUES (${placeholders(12)})`, args: auditArgs(entry, at) }
}

/**
 * The INSERT for an entry that applies only if `condition` holds when its batch reaches it, so
 * one batch can record whichever outcome its earlier statements had (e.g. a session inserted or
 * refused) without a round trip to find out first.
 */
export function auditStatementWhere(
  entry: AuditEntry,
  at: Date,
  condition: string,
  conditionArgs: SqlValue[],
): SqlStatement {
  return {
    sql: `${auditInsert} SELECT ${placeholders(12)} WHERE ${condition}`,
    args: [...auditArgs(entry, at), ...conditionArgs],
  }
}

/** An admin action's entry from the actor and what was done to what. */
export function actorEntry(
  by: Actor,
  action: string,
  target: { type: string; id: string | null },
  details?: Record<string, unknown>,
  result: AuditEntry['result'] = 'success',
): AuditEntry {
  return {
    actorType: by.actorType ?? (by.actorId ? 'user' : 'system'),
    actorId: by.actorId,
    action,
    targetType: target.type,
    targetId: target.id,
    result,
    ip: by.ip ?? null,
    requestId: by.requestId ?? null,
    appId: by.appId ?? null,
    ...(details ? { details } : {}),
  }
}

const likePrefix = (term: string) => term.replace(/[\\%_]/g, (ch) => `\\${ch}`)

export function createAuditRepository(sql: SqlDatabase, now: () => Date) {
  return {
    async insert(entry: AuditEntry): Promise<void> {
      await sql.execute(auditStatement(entry, now()))
    },

    /** Newest first; `nextCursor` is null on the last page. */
    async query(q: AuditQuery): Promise<{ items: StoredAuditEntry[]; nextCursor: string | null }> {
      const where: string[] = []
      const args: string[] = []
      const add = (clause: string, ...values: string[]) => {
        where.push(clause)
        args.push(...values)
      }
      if (q.actorId) add('actor_id = ?', q.actorId)
      if (q.action) add("action LIKE ? ESCAPE '\\'", `${likePrefix(q.action)}%`)
      if (q.targetType) add('target_type = ?', q.targetType)
      if (q.targetId) add('target_id = ?', q.targetId)
      if (q.result) add('result = ?', q.result)
      if (q.from) add('at >= ?', q.from)
      if (q.to) add('at < ?', q.to)
      if (q.cursor) {
        const { time, id } = decodeCursor(q.cursor)
        add('(at < ? OR (at = ? AND id < ?))', time, time, id)
      }
      const { rows } = await sql.execute({
        sql: `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
              ORDER BY at DESC, id DESC LIMIT ?`,
        args: [...args, q.limit + 1],
      })
      const items = rows.slice(0, q.limit).map((row) => ({
        id: text(row, 'id'),
        at: text(row, 'at'),
        actorType: text(row, 'actor_type') as AuditEntry['actorType'],
        actorId: textOrNull(row, 'actor_id'),
        action: text(row, 'action'),
        targetType: textOrNull(row, 'target_type'),
        targetId: textOrNull(row, 'target_id'),
        result: text(row, 'result') as AuditEntry['result'],
        ip: textOrNull(row, 'ip'),
        requestId: textOrNull(row, 'request_id'),
        appId: textOrNull(row, 'app_id'),
        details: jsonObject(row.details),
      }))
      const last = items.at(-1)
      return {
        items,
        nextCursor: rows.length > q.limit && last ? encodeCursor(last.at, last.id) : null,
      }
    },
  }
}

export type AuditRepository = ReturnType<typeof createAuditRepository>
