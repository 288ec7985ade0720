/** The clients module's public surface: other modules and the API import only this file. */
export { earliest, findAppType, resolveSessionPolicy, seconds } from './app-type-policy.ts'
export {
  authenticateClient,
  checkClient,
  confidentialTypeIds,
  mustProveSecret,
  proveClient,
  presentedClient,
  presentedClientSecret,
  type ClientCredentials,
} from './client-auth.ts'
export { consoleClientId } from './console-client.ts'
export type { ClientsDeps } from './deps.ts'
export {
  registerTokenErrors,
  tokenError,
  tokenErrorCodes,
  type TokenErrorCode,
} from './oauth-errors.ts'
export { isLoopbackHttp, isNativeAppRedirectUri, isWebRedirectUri } from './redirect-uris.ts'
