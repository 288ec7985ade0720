/**
 * `plugin_settings`: one JSON document per plugin, edited in the console. The plugin host reads
 * every row at start and on reload; the console reads and replaces one plugin's document here.
 */
import type { SqlDatabase } from './ports/sql.ts'

/** Every plugin's stored document as saved (JSON text), in no particular order. */
export async function listPluginSettings(
  sql: SqlDatabase,
): Promise<Array<{ pluginId: string; settings: string }>> {
  const { rows } = await sql.execute('SELECT plugin_id, settings FROM plugin_settings')
  return rows.map((row) => ({ pluginId: String(row.plugin_id), settings: String(row.settings) }))
}

/** A plugin's stored document as saved (JSON text), or null when it has none. */
export async function readPluginSettings(
  sql: SqlDatabase,
  pluginId: string,
): Promise<{ settings: string; updatedAt: string } | null> {
  const { rows } = await sql.execute({
    sql: 'SELECT settings, updated_at FROM plugin_settings WHERE plugin_id = ?',
    args: [pluginId],
  })
  const row = rows[0]
  return row ? { settings: String(row.settings), updatedAt: String(row.updated_at) } : null
}

/** Stores `settings` (JSON text) as the plugin's whole document, replacing any earlier one. */
export async function savePluginSettings(
  sql: SqlDatabase,
  pluginId: string,
  settings: string,
  updatedAt: string,
): Promise<void> {
  await sql.execute({
    sql: `INSERT INTO plugin_settings (plugin_id, settings, updated_at) VALUES (?, ?, ?)
          ON CONFLICT (plugin_id) DO UPDATE SET settings = excluded.settings,
            updated_at = excluded.updated_at`,
    args: [pluginId, settings, updatedAt],
  })
}
