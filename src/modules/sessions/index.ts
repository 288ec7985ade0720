/** The sessions module's public surface: other modules and the API import only this file. */
export { sessionAuthState } from './auth-state-store.ts'
export { assertClientSecret } from './client-secret.ts'
export { dropClientTicket, isClientTicket, mintClientTicket } from './client-ticket.ts'
export { InvalidAccessToken, type AccessTokenClaims, verifyAccessToken } from './jwt.ts'
export { keysFor, signingAlgorithms, type KeySet, type SigningKey } from './keys.ts'
export { findByRefreshToken } from './refresh-token-store.ts'
export { createSessionService } from './session-service.ts'
export { activeSessionCount, getSession, isUserSession, revokeSession } from './session-store.ts'
