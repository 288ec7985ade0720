/** The console's client id (seeded by migrations/0002_identity.sql). */
export const consoleClientId = 'admin-console'
