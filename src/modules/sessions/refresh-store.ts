import type { SqlDatabase, SqlRow, SqlValue } from '../../kernel/ports/sql.ts'
import { toApp } from '../identity/index.ts'
import type { App } from '../identity/index.ts'
import type { ClientAppTypePlugin } from '../../kernel/plugin.ts'
import { grantsAppType } from './session-store.ts'
import { confidentialTypeIds } from '../clients/index.ts'
import {
  presentedTokenQuery,
  toPresented,
  type PresentedRefreshToken,
} from './refresh-token-store.ts'

/**
 * The whole refresh grant's storage work in one batch, so one round trip (one transaction):
 * the client app, the presented token with its session, user and successor, the user's roles,
 * and the rotation itself. The rotation's UPDATE repeats in SQL every check the grant makes in
 * code (session-refresh.ts), so it flips `used_at` only when the grant will succeed; code reads
 * the same snapshot afterwards to choose the answer and error. Both sit in one transaction, so a
 * concurrent refresh of the same token sees it already used and takes the retry path.
 */
export interface RefreshInput {
  clientId: string
  /** SHA-256 of the secret the client presented, or null when it sent none. */
  secretHash: string | null
  oldHash: string
  newHash: string
  now: string
  /** The loaded client app types: only these may refresh, confidential ones with their secret. */
  types: readonly ClientAppTypePlugin[]
}

export interface RefreshSnapshot {
  /** The client app as stored, with its secret hash (null: no secret). */
  client: { app: App; secretHash: string | null } | null
  presented: PresentedRefreshToken | null
  /** The session user's roles, by id. */
  roles: Array<{ id: string; appTypes: string[] }>
  /** The presented token was used up and its successor stored by this batch. */
  rotated: boolean
}

function jsonArray(value: SqlValue | undefined): string[] {
  try {
    const parsed: unknown = JSON.parse(String(value ?? '[]'))
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : []
  } catch {
    return []
  }
}

// The app's own positive override, floored (policy.ts resolveSessionPolicy), else its type's.
const idleTtl = `COALESCE(
  (SELECT CAST(json_extract(a.policy, '$.refreshTokenIdleTtlSeconds') AS INTEGER)
     FROM apps a WHERE a.id = sessions.app_id AND json_valid(a.policy)
       AND json_type(a.policy, '$.refreshTokenIdleTtlSeconds') IN ('integer', 'real')
       AND json_extract(a.policy, '$.refreshTokenIdleTtlSeconds') > 0),
  (SELECT json_extract(:typeIdleTtls, '$."' || a.type || '"') FROM apps a
     WHERE a.id = sessions.app_id))`
// Same text as Date.toISOString(); NULL past year 9999, which the CASE turns into expires_at.
const idleUntil = `strftime('%Y-%m-%dT%H:%M:%fZ', :now, '+' || (${idleTtl}) || ' seconds')`

export async function refreshInOneBatch(
  sql: SqlDatabase,
  input: RefreshInput,
): Promise<RefreshSnapshot> {
  const typeIds = JSON.stringify(input.types.map((type) => type.id))
  // The one client rule (clients/client-auth.ts, mustProveSecret), applied inside the batch.
  const confidential = JSON.stringify(confidentialTypeIds(input.types))
  const typeIdleTtls = JSON.stringify(
    Object.fromEntries(
      input.types.map((type) => [type.id, type.sessionPolicy.refreshTokenIdleTtlSeconds]),
    ),
  )
  const results = await sql.batch([
    { sql: 'SELECT * FROM apps WHERE id = ?', args: [input.clientId] },
    presentedTokenQuery(input.oldHash, input.newHash),
    {
      sql: `SELECT r.id, r.app_types FROM refresh_tokens rt
            JOIN sessions s ON s.id = rt.session_id
            JOIN user_roles ur ON ur.user_id = s.user_id
            JOIN roles r ON r.id = ur.role_id
            WHERE rt.token_hash = ? ORDER BY r.id`,
      args: [input.oldHash],
    },
    {
      sql: `UPDATE refresh_tokens SET used_at = :now
            WHERE token_hash = :old AND used_at IS NULL AND EXISTS (
              SELECT 1 FROM sessions s
              JOIN users u ON u.id = s.user_id
              JOIN apps a ON a.id = s.app_id
              WHERE s.id = refresh_tokens.session_id AND s.app_id = :client
                AND s.revoked_at IS NULL AND s.expires_at > :now AND s.idle_expires_at > :now
                AND u.status = 'active' AND a.enabled = 1
                AND a.type IN (SELECT value FROM json_each(:types))
                AND (a.secret_hash = :secret OR (:secret IS NULL
                  AND a.type NOT IN (SELECT value FROM json_each(:confidential))))
                AND ${grantsAppType('s.user_id', 'a.type')})`,
      args: {
        now: input.now,
        old: input.oldHash,
        client: input.clientId,
        types: typeIds,
        secret: input.secretHash,
        confidential,
      },
    },
    {
      sql: `INSERT INTO refresh_tokens (token_hash, session_id, created_at)
            SELECT ?, session_id, ? FROM refresh_tokens WHERE token_hash = ? AND changes() = 1`,
      args: [input.newHash, input.now, input.oldHash],
    },
    {
      sql: `UPDATE sessions SET last_used_at = :now,
              idle_expires_at = CASE WHEN ${idleUntil} IS NULL OR ${idleUntil} > expires_at
                THEN expires_at ELSE ${idleUntil} END
            WHERE id = (SELECT session_id FROM refresh_tokens WHERE token_hash = :new)
              AND changes() = 1`,
      args: { now: input.now, new: input.newHash, typeIdleTtls },
    },
  ])
  const appRow: SqlRow | undefined = results[0]?.rows[0]
  const tokenRow = results[1]?.rows[0]
  return {
    client: appRow
      ? {
          app: toApp(appRow),
          secretHash: typeof appRow.secret_hash === 'string' ? appRow.secret_hash : null,
        }
      : null,
    presented: tokenRow ? toPresented(tokenRow) : null,
    roles: (results[2]?.rows ?? []).map((row) => ({
      id: String(row.id),
      appTypes: jsonArray(row.app_types),
    })),
    rotated: results[3]?.rowsAffected === 1,
  }
}
