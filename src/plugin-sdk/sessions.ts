/**
 * What a sign-in method needs once the person is proven (`sessions`): `signInProven` (the client
 * checked before the proof, then the session and the token answer) and the body fields it reads,
 * or its parts: the client's secret as presented, the app's type and the token answer every method returns.
 */
export { signInClientFields, signInProven, type SignInClient } from '../api/plugin-routes.ts'
export { presentedClientSecret } from '../modules/clients/index.ts'
export { findAppType } from '../modules/clients/index.ts'
export { tokenResponse, toTokenResponse } from '../api/token-schemas.ts'
