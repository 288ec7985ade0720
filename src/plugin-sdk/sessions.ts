/**
 * What a sign-in method needs once the person is proven (`sessions`): the client's secret as
 * presented, the app's type and the token answer every method returns.
 */
export { presentedClientSecret } from '../core/tokens/client-auth.ts'
export { findAppType } from '../core/tokens/policy.ts'
export { tokenResponse, toTokenResponse } from '../core/tokens/routes/schemas.ts'
