/**
 * The environment of a server under test: only the settings a test names, so a developer's own
 * TURSO_DATABASE_URL or REDIS_URL in the shell never leaks into (or breaks) a runtime test.
 */
import { settingsSchema } from '../../src/kernel/config.ts'

export function serverEnv(settings: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !(key in settingsSchema.shape)) env[key] = value
  }
  return { ...env, NO_COLOR: '1', ...settings }
}
