/**
 * What a sign-in method needs once the person is proven (`sessions`): the client's secret as
 * presented, the app's type and the token answer every method returns.
 */
export { presentedClientSecret } from '../modules/clients/index.ts'
export { findAppType } from '../modules/clients/index.ts'
export { tokenResponse, toTokenResponse } from '../api/token-schemas.ts'
