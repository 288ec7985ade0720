import type { OpenAPIHono } from '@hono/zod-openapi'
import type { PluginContext } from '../../kernel/plugin.ts'
import type { AppEnv, CoreServices } from '../../kernel/services.ts'
import { mountCompleteRegistration } from './complete-registration.ts'
import { mountSignInStart } from './start.ts'

/** `/v1/sign-in/*`: what every app calls before (and after) a sign-in method's own endpoints. */
export function mountSignInRoutes(
  app: OpenAPIHono<AppEnv>,
  core: CoreServices,
  /** Each plugin's context by id, for the hooks start asks (`offeredAt`). */
  contexts: ReadonlyMap<string, PluginContext<unknown>>,
): void {
  mountSignInStart(app, core, contexts)
  mountCompleteRegistration(app, core)
}

export { methodsFor } from './start.ts'
