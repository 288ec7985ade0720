// SCAFFOLD: replaced by the owner of this file (see the identity issue).
import type { CoreServices } from '../services.ts'
import type { InvitationService } from './services.ts'

export function createInvitationService(_core: CoreServices): InvitationService {
  return new Proxy({} as InvitationService, {
    get: () => () => Promise.reject(new Error('createInvitationService is not implemented yet')),
  })
}
