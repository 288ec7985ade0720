import type { OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv, CoreServices } from '../services.ts'
import { mountCompleteRegistration } from './complete-registration.ts'
import { mountSignInStart } from './start.ts'

/** `/v1/sign-in/*`: what every app calls before (and after) a sign-in method's own endpoints. */
export function mountSignInRoutes(app: OpenAPIHono<AppEnv>, core: CoreServices): void {
  mountSignInStart(app, core)
  mountCompleteRegistration(app, core)
}

export { methodsFor } from './start.ts'
