import { ConfigError } from '../../kernel/config.ts'
import { DependencyError } from '../../kernel/ports/sql.ts'
import { MigrationError } from '../../kernel/migrate.ts'

interface SystemError extends Error {
  code: string
  syscall?: string
  path?: string
}

function isSystemError(error: unknown): error is SystemError {
  if (!(error instanceof Error)) return false
  const { code, syscall } = error as Partial<SystemError>
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) && typeof syscall === 'string'
}

/**
 * What `npm start` / `deno task start` print when startup fails for a reason an operator fixes:
 * bad settings (every problem), an edited or failing migration, a data folder that cannot be
 * created or written, a database or state store that does not answer. One clear message, no
 * stack. Anything else (a bug) returns undefined and is printed whole.
 */
export function startupFailureMessage(error: unknown): string | undefined {
  if (error instanceof ConfigError) return error.message
  if (error instanceof MigrationError || error instanceof DependencyError) {
    return `Propusk cannot start: ${error.message}`
  }
  if (isSystemError(error)) {
    const target = error.path ? ` ${error.path}` : ''
    const why = error.message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '')
    return `Propusk cannot start: cannot ${error.syscall}${target} (${why}); check DATA_DIR and its permissions`
  }
  return undefined
}
