-- Every message Propusk sends (issue: one-time codes, item 9), for the console and the audit.
-- Recipients are stored masked; a hash lets the console filter by person without the number.
CREATE TABLE delivery_log (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('sms', 'email', 'call')),
  provider TEXT NOT NULL,
  recipient_masked TEXT NOT NULL,
  recipient_hash TEXT NOT NULL,
  app_id TEXT,
  purpose TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'delivered', 'failed')),
  provider_message_id TEXT,
  error_code TEXT,
  error_message TEXT,
  cost_amount TEXT,
  cost_currency TEXT,
  forwarded_from TEXT                      -- for e-mail copies of SMS (R11): the SMS's log id
);
CREATE INDEX delivery_log_created ON delivery_log (created_at);
CREATE INDEX delivery_log_recipient ON delivery_log (recipient_hash, created_at);
CREATE INDEX delivery_log_provider_message ON delivery_log (provider, provider_message_id);
