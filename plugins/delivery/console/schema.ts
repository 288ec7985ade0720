import type { Migration } from 'propusk/plugin'

export const migrations: Migration[] = [
  {
    id: 'plugin:console-delivery/0001_outbox',
    sql: `CREATE TABLE console_outbox (
  id TEXT PRIMARY KEY,
  channel TEXT NOT NULL CHECK (channel IN ('sms', 'email', 'call')),
  recipient TEXT NOT NULL,
  subject TEXT,
  body_text TEXT,
  body_html TEXT,
  purpose TEXT NOT NULL,
  app_id TEXT,
  caller_number TEXT,
  idempotency_key TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);
CREATE INDEX console_outbox_recipient ON console_outbox (recipient, created_at);
CREATE INDEX console_outbox_created ON console_outbox (created_at);`,
  },
]
