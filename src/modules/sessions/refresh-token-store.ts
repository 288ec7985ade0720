import type { SqlDatabase, SqlRow } from '../../kernel/ports/sql.ts'
import type { Session, UserStatus } from '../identity/index.ts'
import { toSession } from './session-store.ts'

/**
 * SQL of refresh tokens (a session's family: table refresh_tokens in
 * migrations/0002_identity.sql). Tokens are stored as SHA-256 hashes only. Each read also looks
 * up the presented token's derived successor (refresh-successor.ts) by its hash, so deciding
 * whether a reuse is a retry inside the grace window costs no extra round trip. The refresh
 * grant's rotation is in refresh-store.ts.
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

/** The read of a presented token (and its successor, by hash), alone or inside a batch. */
export function presentedTokenQuery(tokenHash: string, successorHash: string | null) {
  return {
    sql: `SELECT s.*, rt.used_at AS token_used_at, u.status AS user_status, u.kind AS user_kind,
            ${successorColumns}
          FROM refresh_tokens rt
          JOIN sessions s ON s.id = rt.session_id
          JOIN users u ON u.id = s.user_id
          ${successorJoin}
          WHERE rt.token_hash = ?`,
    args: [successorHash, tokenHash],
  }
}

export function toPresented(row: SqlRow): PresentedRefreshToken {
  return {
    ...stateOf(row),
    session: toSession(row),
    userStatus: String(row.user_status) as UserStatus,
    userKind: String(row.user_kind),
  }
}

export async function findByRefreshToken(
  sql: SqlDatabase,
  tokenHash: string,
  successorHash: string | null = null,
): Promise<PresentedRefreshToken | null> {
  const { rows } = await sql.execute(presentedTokenQuery(tokenHash, successorHash))
  return rows[0] ? toPresented(rows[0]) : null
}
