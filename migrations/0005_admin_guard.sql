-- Issue 3 review: nobody may lock every administrator out. No row is ever stored here: a write
-- that could remove the last administrator (role edit, role taken away, block, delete) ends its
-- batch with an INSERT into this table that adds a row only when no administrator remains; the
-- CHECK then fails ("CHECK constraint failed: last_administrator") and the whole batch rolls back.
CREATE TABLE admin_guard (
  administrators INTEGER NOT NULL,
  CONSTRAINT last_administrator CHECK (administrators > 0)
);
