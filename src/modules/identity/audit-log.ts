import type { IdentityDeps } from './store/deps.ts'
import { createAuditRepository } from './store/audit.ts'
import type { AuditLog } from './services.ts'

/**
 * `record` never throws: it serves sign-in attempts and other flows where a logging hiccup must
 * not turn a right password into an error. A failed write is logged at `error` level with the
 * entry, so it is not lost silently.
 *
 * Admin actions do not rely on this: the repositories write an admin action's entry in the same
 * atomic batch as the change itself, so an audit write failure fails (and undoes) the action.
 */
export function createAuditLog(core: Pick<IdentityDeps, 'sql' | 'now' | 'log'>): AuditLog {
  const audit = createAuditRepository(core.sql, () => core.now())
  return {
    async record(entry) {
      try {
        await audit.insert(entry)
      } catch (err) {
        core.log.error('audit write failed', {
          error: err instanceof Error ? err.message : String(err),
          entry,
        })
      }
    },
  }
}
