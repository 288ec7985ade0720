/** The core's redirect-URI rules (`redirectUris`), for a client app type's `isRedirectUriAllowed`. */
export {
  isLoopbackHttp,
  isNativeAppRedirectUri,
  isWebRedirectUri,
} from '../modules/clients/index.ts'
