import type { Context } from 'hono'
import type { AppEnv } from '../../kernel/services.ts'
import type { OtpDeps } from '../../modules/otp/index.ts'
import { presentedClientSecret } from '../../modules/clients/index.ts'
import { isClientTicket } from '../../modules/sessions/index.ts'

/** The client secret from the body or HTTP Basic; a Basic header for another client is refused. */
export function presentedSecret(
  c: Context<AppEnv>,
  core: Pick<OtpDeps, 'errors'>,
  clientId: string,
  bodySecret: string | undefined,
): string | null {
  const presented = presentedClientSecret(clientId, bodySecret, c.req.header('authorization'))
  if (!presented.ok) throw core.errors.error('invalid_client')
  return presented.secret
}

/**
 * A confidential app's secret is checked before a code or setup token is used up, so a caller
 * without it cannot burn a person's code (sessions.signIn checks it again).
 */
export async function assertClientSecret(
  core: Pick<OtpDeps, 'errors' | 'state' | 'identity'>,
  app: { id: string; hasSecret: boolean },
  secret: string | null | undefined,
): Promise<void> {
  if (!app.hasSecret) return
  if (await isClientTicket(core.state, app.id, secret)) return
  if (!secret || !(await core.identity.apps.verifySecret(app.id, secret))) {
    throw core.errors.error('invalid_client')
  }
}
