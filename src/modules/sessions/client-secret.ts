import { isClientTicket } from './client-ticket.ts'
import type { ClientSecretDeps } from './deps.ts'
import { findAppType, proveClient, tokenError } from '../clients/index.ts'

/**
 * A confidential app's secret (or the hosted pages' client ticket standing in for it), checked
 * before a one-time code or setup token is used up, so a caller without it cannot burn a
 * person's code. `sessions.signIn` checks it again when the session opens. The caller reads the
 * secret from its request (body or HTTP Basic) and passes it as a value.
 */
export async function assertClientSecret(
  deps: ClientSecretDeps,
  app: { id: string; type: string },
  secret: string | null | undefined,
): Promise<void> {
  const type = findAppType(deps, app.type)
  // An unknown type is refused by `sessions.signIn` with its own code; nothing to prove here.
  if (!type) return
  if (await isClientTicket(deps.state, app.id, secret)) return
  const verify = (given: string) => deps.identity.apps.verifySecret(app.id, given)
  if (!(await proveClient(type, secret, verify))) throw tokenError('invalid_client')
}
