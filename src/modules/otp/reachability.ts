/**
 * Who really gets a code: the rules of `sessions.signIn`, checked before anything is sent (and
 * again before a first sign-in sets a password), so nobody receives a code they could not use.
 */
import type { App, User, CodeSendLookup } from '../identity/index.ts'
import type { OtpDeps } from './deps.ts'
import type { EngineContext } from './engine.ts'
import type { AnyOtpSettings } from './settings.ts'

/**
 * Whether a code may really be sent: the login is the person's, they may sign in with it
 * (active, or invited where first sign-in is allowed) and signing in would succeed for this app
 * (it is enabled, allows the method, and one of their roles grants its type). Everyone else gets
 * a decoy, so nobody receives codes they cannot use and the answer tells nothing.
 */
export function isReachable<S extends AnyOtpSettings>(
  ctx: EngineContext<S>,
  found: CodeSendLookup | null,
  login: string,
  app: App,
  s: AnyOtpSettings,
): boolean {
  const user = found?.user
  if (!found || !user) return false
  const owns = ctx.method.loginKind === 'phone' ? user.phone === login : user.email === login
  if (!owns) return false
  if (!(user.status === 'active' || (user.status === 'invited' && s.allowFirstSignIn))) return false
  return grantsApp(ctx.core, found.appTypes, app, ctx.method.id)
}

/** The app-side rules of `sessions.signIn`, checked before a code is sent or a password set. */
export async function hasAppAccess(
  core: Pick<OtpDeps, 'plugins' | 'identity'>,
  user: User,
  app: App,
  methodId: string,
): Promise<boolean> {
  // The app's own rules first: a disabled app costs no read of the roles.
  if (!grantsApp(core, [app.type], app, methodId)) return false
  const roles = await core.identity.users.rolesOf(user)
  return grantsApp(
    core,
    roles.flatMap((role) => role.appTypes),
    app,
    methodId,
  )
}

/** The same rules on the app types the person's roles grant, already read. */
function grantsApp(
  core: Pick<OtpDeps, 'plugins'>,
  appTypes: string[],
  app: App,
  methodId: string,
): boolean {
  if (!app.enabled || !app.signInMethods.includes(methodId)) return false
  if (!core.plugins.some((p) => p.kind === 'client-app-type' && p.id === app.type)) return false
  return appTypes.includes(app.type)
}
