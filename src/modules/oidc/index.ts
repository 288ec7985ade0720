/** The oidc module's public surface: other modules and the API import only this file. */
export { amrOf } from './amr.ts'
export type { OidcDeps } from './deps.ts'
export { isRegisteredRedirectUri } from './redirect-uris.ts'
export { grantedScope, scopedClaims, supportedScopes } from './scope-claims.ts'
export {
  dropRequest,
  endSso,
  issueCode,
  loadRequest,
  openSso,
  readSso,
  saveRequest,
  ssoTtlMs,
  type PendingRequest,
  type SsoSession,
} from './store.ts'
export { redeemAuthorizationCode } from './token-grant.ts'
