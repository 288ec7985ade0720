-- The language a person gets their SMS and e-mails in, set by an admin: 'ru' or 'en'; NULL
-- chooses by the number and app as before (Russian for +7 numbers and e-mail).
ALTER TABLE users ADD COLUMN locale TEXT CHECK (locale IN ('ru', 'en'));
