-- Core schema, part 1. Applied exactly once by the migration runner (see src/storage/sql/migrate.ts);
-- once applied, never edit this file: add a new numbered migration instead.

-- Per-plugin settings, a JSON document per plugin.
CREATE TABLE IF NOT EXISTS plugin_settings (
  plugin_id TEXT PRIMARY KEY,
  settings TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Install metadata: generated development keys, first-admin state and similar one-off values.
CREATE TABLE kv_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
