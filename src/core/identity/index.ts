import type { CoreServices } from '../services.ts'
import type { IdentityServices } from './services.ts'
import { createUserDirectory } from './user-directory.ts'
import { createAppRegistry } from './app-registry.ts'
import { createAuditLog } from './audit-log.ts'
import { createInvitationService } from './invitations.ts'
import { createPasswordResetService } from './password-resets.ts'
import { createSessionService } from '../tokens/session-service.ts'

/**
 * Builds the identity services. Each factory takes the core services; a service that needs
 * another one reads it from `core.identity` when called, which is set before any request.
 */
export function createIdentityServices(core: CoreServices): IdentityServices {
  return {
    users: createUserDirectory(core),
    apps: createAppRegistry(core),
    audit: createAuditLog(core),
    sessions: createSessionService(core),
    invitations: createInvitationService(core),
    passwordResets: createPasswordResetService(core),
  }
}
