-- People, roles that grant apps, registered apps, sessions, invitations, audit (issue: identity).
-- Times are ISO-8601 UTC text; JSON columns hold arrays/objects as text.

CREATE TABLE roles (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,           -- lower-cased name: names are unique case-insensitively
  description TEXT NOT NULL DEFAULT '',
  app_types TEXT NOT NULL DEFAULT '[]',    -- client app type plugin ids holders may enter (R7)
  permissions TEXT NOT NULL DEFAULT '[]',  -- e.g. "users:read", "users:write"
  builtin INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('employee', 'customer')),
  display_name TEXT NOT NULL,
  phone TEXT UNIQUE,                       -- E.164
  email TEXT UNIQUE,                       -- normalised, lower-case
  status TEXT NOT NULL CHECK (status IN ('invited', 'active', 'blocked')),
  password_hash TEXT,                      -- scheme$params$salt$hash, never exposed
  password_changed_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  activated_at TEXT,
  last_sign_in_at TEXT,
  CHECK (phone IS NOT NULL OR email IS NOT NULL)
);
CREATE INDEX users_kind_created ON users (kind, created_at);
CREATE INDEX users_status ON users (status);

CREATE TABLE user_roles (
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role_id TEXT NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, role_id)
);
CREATE INDEX user_roles_role ON user_roles (role_id);

CREATE TABLE apps (
  id TEXT PRIMARY KEY,                     -- the client id
  name TEXT NOT NULL,
  type TEXT NOT NULL,                      -- a client app type plugin id
  enabled INTEGER NOT NULL DEFAULT 1,
  sign_in_methods TEXT NOT NULL DEFAULT '[]',
  policy TEXT NOT NULL DEFAULT '{}',       -- overrides of the type's session policy
  secret_hash TEXT,                        -- confidential clients only
  redirect_uris TEXT NOT NULL DEFAULT '[]',
  settings TEXT NOT NULL DEFAULT '{}',     -- e.g. androidAppHash, webOtpDomain
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- One row per sign-in; the refresh tokens of a session form one rotation family.
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  app_id TEXT NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
  method TEXT NOT NULL,
  device_label TEXT,
  ip TEXT,
  user_agent TEXT,
  created_at TEXT NOT NULL,
  last_used_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,                -- absolute lifetime
  idle_expires_at TEXT NOT NULL,           -- moves forward on each refresh
  revoked_at TEXT,
  revoked_reason TEXT
);
CREATE INDEX sessions_user ON sessions (user_id, created_at);

CREATE TABLE refresh_tokens (
  token_hash TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX refresh_tokens_session ON refresh_tokens (session_id);

CREATE TABLE invitations (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  channel TEXT NOT NULL CHECK (channel IN ('sms', 'email')),
  sent_to TEXT NOT NULL,
  created_by TEXT,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  accepted_at TEXT,
  revoked_at TEXT
);
CREATE INDEX invitations_user ON invitations (user_id, created_at);

CREATE TABLE password_resets (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);

-- R11: every SMS to `phone` is also e-mailed to `email` while enabled.
CREATE TABLE sms_forwarding_rules (
  id TEXT PRIMARY KEY,
  phone TEXT NOT NULL UNIQUE,
  email TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1,
  note TEXT NOT NULL DEFAULT '',
  created_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE audit_log (
  id TEXT PRIMARY KEY,
  at TEXT NOT NULL,
  actor_type TEXT NOT NULL,                -- user, app, system, anonymous
  actor_id TEXT,
  action TEXT NOT NULL,                    -- e.g. user.create, sign_in.password
  target_type TEXT,
  target_id TEXT,
  result TEXT NOT NULL CHECK (result IN ('success', 'failure', 'denied')),
  ip TEXT,
  request_id TEXT,
  app_id TEXT,
  details TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_at ON audit_log (at);
CREATE INDEX audit_actor ON audit_log (actor_id, at);
CREATE INDEX audit_target ON audit_log (target_id, at);
CREATE INDEX audit_action ON audit_log (action, at);

-- A fresh install: three roles (R7, R10) and the admin console as a registered app.
INSERT INTO roles (id, name, name_key, description, app_types, permissions, builtin, created_at, updated_at) VALUES
  ('role_field_employee', 'Field employee', 'field employee', 'Engineers in the field',
   '["engineer-mobile","api-only"]', '[]', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('role_customer', 'Customer', 'customer', 'Customers of the company',
   '["customer-mobile","web"]', '[]', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('role_administrator', 'Administrator', 'administrator', 'Runs this Propusk',
   '["admin-console","web","api-only"]',
   '["users:read","users:write","roles:read","roles:write","apps:read","apps:write","settings:read","settings:write","audit:read"]',
   1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');

INSERT INTO apps (id, name, type, enabled, sign_in_methods, created_at, updated_at) VALUES
  ('admin-console', 'Admin console', 'admin-console', 1, '["password","sms-otp"]',
   '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
