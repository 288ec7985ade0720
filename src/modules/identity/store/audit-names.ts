import type { SqlDatabase } from '../../../kernel/ports/sql.ts'
import { placeholders } from './rows.ts'
import type { StoredAuditEntry } from './audit.ts'

interface Named {
  id: string
  name: string
  localized?: Record<string, { name: string }>
}

/**
 * Names for the ids a page of audit entries mentions (actors, targets, apps), so the log reads
 * "Анна Смирнова", not `usr_…`. People, roles and apps are named as they are now; one deleted
 * since keeps the name its delete entry stored at the time (`user.delete` records the display
 * name, `role.delete` and `app.delete` the name). A session is named by its person and app,
 * a plugin by its name in `lang`. One query for the page; ids nothing names are left out.
 */
export async function auditNames(
  sql: SqlDatabase,
  items: StoredAuditEntry[],
  plugins: readonly Named[],
  lang: string,
): Promise<Record<string, string>> {
  const names: Record<string, string> = {}
  const ids = new Set<string>()
  for (const item of items) {
    if (item.targetType === 'plugin' && item.targetId) {
      const plugin = plugins.find((p) => p.id === item.targetId)
      if (plugin) names[plugin.id] = plugin.localized?.[lang]?.name ?? plugin.name
      continue
    }
    for (const id of [item.actorId, item.targetId, item.appId]) if (id) ids.add(id)
  }
  if (ids.size === 0) return names
  const list = [...ids]
  const inList = `IN (${placeholders(list.length)})`
  const { rows } = await sql.execute({
    sql: `SELECT id, display_name AS name, 0 AS rank FROM users WHERE id ${inList}
          UNION ALL SELECT id, name, 0 FROM roles WHERE id ${inList}
          UNION ALL SELECT id, name, 0 FROM apps WHERE id ${inList}
          UNION ALL SELECT s.id, u.display_name || ' · ' || a.name, 0 FROM sessions s
            JOIN users u ON u.id = s.user_id JOIN apps a ON a.id = s.app_id WHERE s.id ${inList}
          UNION ALL SELECT target_id, COALESCE(json_extract(details, '$.displayName'),
              json_extract(details, '$.name')), 1 FROM audit_log
            WHERE action IN ('user.delete', 'role.delete', 'app.delete') AND target_id ${inList}`,
    args: [...list, ...list, ...list, ...list, ...list],
  })
  // Live names (rank 0) win over names kept from a delete entry (rank 1).
  const sorted = [...rows].sort((a, b) => Number(a.rank) - Number(b.rank))
  for (const row of sorted) {
    const id = String(row.id)
    if (row.name !== null && row.name !== undefined && !(id in names)) names[id] = String(row.name)
  }
  return names
}
