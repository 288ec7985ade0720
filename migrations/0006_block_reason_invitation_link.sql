-- A block can carry the admin's reason and an end: sign-ins after `blocked_until` find the
-- person unblocked (the user directory lifts an expired block when it reads them). Both are
-- cleared on unblock; NULL `blocked_until` means blocked until an admin unblocks.
ALTER TABLE users ADD COLUMN blocked_reason TEXT;
ALTER TABLE users ADD COLUMN blocked_until TEXT;

-- An invitation link an admin copied to pass on themselves (not delivered by SMS or e-mail):
-- `channel` and `sent_to` then name the login the person will sign in with.
ALTER TABLE invitations ADD COLUMN copied INTEGER NOT NULL DEFAULT 0;
