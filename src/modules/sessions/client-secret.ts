import type { ErrorRegistry } from '../../kernel/errors.ts'
import type { StateStore } from '../../kernel/ports/state.ts'
import type { AppRegistry } from '../identity/index.ts'
import { isClientTicket } from './client-ticket.ts'

/**
 * A confidential app's secret (or the hosted pages' client ticket standing in for it), checked
 * before a one-time code or setup token is used up, so a caller without it cannot burn a
 * person's code. `sessions.signIn` checks it again when the session opens. The caller reads the
 * secret from its request (body or HTTP Basic) and passes it as a value.
 */
export async function assertClientSecret(
  deps: {
    errors: ErrorRegistry
    state: StateStore
    identity: { apps: Pick<AppRegistry, 'verifySecret'> }
  },
  app: { id: string; hasSecret: boolean },
  secret: string | null | undefined,
): Promise<void> {
  if (!app.hasSecret) return
  if (await isClientTicket(deps.state, app.id, secret)) return
  if (!secret || !(await deps.identity.apps.verifySecret(app.id, secret))) {
    throw deps.errors.error('invalid_client')
  }
}
