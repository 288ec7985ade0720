/**
 * What the clients module reads from the app: the error registry (only to list its OAuth
 * answers in /openapi.json), the installed app types, and — only to authenticate a client on
 * its own — the app registry. Each function takes the slice it uses; the core services satisfy
 * every slice.
 */
import type { ErrorRegistry } from '../../kernel/errors.ts'
import type { Plugin } from '../../kernel/plugin.ts'
import type { AppRegistry } from '../identity/index.ts'

export interface ClientsDeps {
  errors: ErrorRegistry
  plugins: readonly Plugin[]
  /** Read when a client is authenticated: the identity services are built after the routes. */
  readonly identity: { readonly apps: Pick<AppRegistry, 'get' | 'verifySecret'> }
}
