// SCAFFOLD: replaced by the owner of this file (see the identity issue).
import type { CoreServices } from '../services.ts'
import type { AuditLog } from './services.ts'

export function createAuditLog(_core: CoreServices): AuditLog {
  return new Proxy({} as AuditLog, {
    get: () => () => Promise.reject(new Error('createAuditLog is not implemented yet')),
  })
}
