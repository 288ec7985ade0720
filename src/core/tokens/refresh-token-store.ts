import type { SqlDatabase, SqlRow } from '../../storage/sql/port.ts'
import type { Session, UserStatus } from '../identity/types.ts'
import { toSession } from './session-store.ts'

/**
 * SQL of refresh tokens (a session's family: table refresh_tokens in
 * migrations/0002_identity.sql). Tokens are stored as SHA-256 hashes only. Each read also looks
 * up the presented token's derived successor (refresh-successor.ts) by its hash, so deciding
 * whether a reuse is a retry inside the grace window costs no extra round trip.
 */

const str = (value: unknown) => (value === null || value === undefined ? null : String(value))

/** What the family knows about a presented token and its successor. */
export interface RefreshTokenState {
  /** When the token was rotated; null while it is the family's live token. */
  usedAt: string | null
  /** Its successor stored in the same session (null: none, or derived under another key). */
  successor: { usedAt: string | null } | null
}

export interface PresentedRefreshToken extends RefreshTokenState {
  session: Session
  userStatus: UserStatus
  userKind: string
}

const successorColumns = `nx.token_hash AS successor_hash, nx.used_at AS successor_used_at`
// Same session only: a hash that happens to exist elsewhere never counts as this successor.
const successorJoin = `LEFT JOIN refresh_tokens nx
  ON nx.token_hash = ? AND nx.session_id = rt.session_id`

function stateOf(row: SqlRow): RefreshTokenState {
  return {
    usedAt: str(row.token_used_at),
    successor:
      row.successor_hash === null || row.successor_hash === undefined
        ? null
        : { usedAt: str(row.successor_used_at) },
  }
}

export async function findByRefreshToken(
  sql: SqlDatabase,
  tokenHash: string,
  successorHash: string | null = null,
): Promise<PresentedRefreshToken | null> {
  const { rows } = await sql.execute({
    sql: `SELECT s.*, rt.used_at AS token_used_at, u.status AS user_status, u.kind AS user_kind,
            ${successorColumns}
          FROM refresh_tokens rt
          JOIN sessions s ON s.id = rt.session_id
          JOIN users u ON u.id = s.user_id
          ${successorJoin}
          WHERE rt.token_hash = ?`,
    args: [successorHash, tokenHash],
  })
  const row = rows[0]
  if (!row) return null
  return {
    ...stateOf(row),
    session: toSession(row),
    userStatus: String(row.user_status) as UserStatus,
    userKind: String(row.user_kind),
  }
}

export interface Rotation {
  /** This call used the token up and stored its successor. */
  won: boolean
  /** The token, its successor and whether the session is revoked, read after the attempt. */
  after: (RefreshTokenState & { sessionRevoked: boolean }) | null
}

/**
 * Rotation in one transaction. Only the statement that flips `used_at` from NULL wins; the new
 * token is inserted (and the session moved forward) only if it did, via `changes()`, so two
 * concurrent refreshes of one token can never both rotate it. The last statement reads the
 * outcome in the same batch: a loser learns whether the winner's successor is in place (a retry
 * inside the grace window may then return it) without another round trip.
 */
export async function rotateRefreshToken(
  sql: SqlDatabase,
  input: {
    oldHash: string
    newHash: string
    sessionId: string
    now: string
    idleExpiresAt: string
  },
): Promise<Rotation> {
  const results = await sql.batch([
    {
      sql: `UPDATE refresh_tokens SET used_at = ?
            WHERE token_hash = ? AND used_at IS NULL
              AND EXISTS (SELECT 1 FROM sessions WHERE id = ? AND revoked_at IS NULL)`,
      args: [input.now, input.oldHash, input.sessionId],
    },
    {
      sql: `INSERT INTO refresh_tokens (token_hash, session_id, created_at)
            SELECT ?, ?, ? WHERE changes() = 1`,
      args: [input.newHash, input.sessionId, input.now],
    },
    {
      sql: `UPDATE sessions SET last_used_at = ?, idle_expires_at = ?
            WHERE id = ? AND changes() = 1`,
      args: [input.now, input.idleExpiresAt, input.sessionId],
    },
    {
      sql: `SELECT rt.used_at AS token_used_at, s.revoked_at, ${successorColumns}
            FROM refresh_tokens rt
            JOIN sessions s ON s.id = rt.session_id
            ${successorJoin}
            WHERE rt.token_hash = ?`,
      args: [input.newHash, input.oldHash],
    },
  ])
  const row = results[3]?.rows[0]
  return {
    won: results[0]?.rowsAffected === 1,
    after: row ? { ...stateOf(row), sessionRevoked: row.revoked_at !== null } : null,
  }
}
