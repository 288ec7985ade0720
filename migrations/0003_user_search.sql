-- Admin directory search (issue 3, people/admin API): SQLite's lower() and LIKE fold ASCII only,
-- and most names here are Cyrillic, so the app stores a Unicode lower-cased copy of the display
-- name. Rows written without it (by SQL outside the user repository) get SQLite's lower() instead.
ALTER TABLE users ADD COLUMN search_name TEXT;

UPDATE users SET search_name = lower(display_name);

CREATE TRIGGER users_search_name_default AFTER INSERT ON users
WHEN NEW.search_name IS NULL
BEGIN
  UPDATE users SET search_name = lower(NEW.display_name) WHERE id = NEW.id;
END;

CREATE INDEX users_created ON users (created_at, id);
CREATE INDEX audit_at_id ON audit_log (at, id);
