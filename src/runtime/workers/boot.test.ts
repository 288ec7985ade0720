import { describe, expect, it } from 'vitest'
import { ConfigError } from '../../kernel/config.ts'
import { bootWorker } from './boot.ts'

async function bootProblems(bindings: Record<string, unknown>): Promise<string[]> {
  try {
    await bootWorker(bindings)
  } catch (error) {
    if (error instanceof ConfigError) return error.problems
    throw error
  }
  throw new Error('expected the Worker to refuse to start')
}

describe('bootWorker', () => {
  it('lists settings, Worker limits, plugin settings and provider secrets in one error', async () => {
    const problems = await bootProblems({
      TURSO_DATABASE_URL: 'file:/tmp/never-opened.db',
      REDIS_URL: 'redis://127.0.0.1:6379',
      LOG_LEVEL: 'loud',
      PLUGIN_SETTINGS: JSON.stringify({ 'console-delivery': { printToTerminal: 'yes' } }),
      DELIVERY_EMAIL: 'resend-email',
      ASSETS: { fetch: () => new Response() },
    })
    expect(problems).toContainEqual(expect.stringMatching(/^LOG_LEVEL: /))
    expect(problems).toContainEqual(
      expect.stringMatching(/^TURSO_DATABASE_URL: a Worker needs a remote database/),
    )
    expect(problems).toContainEqual(expect.stringMatching(/^STATE_STORE: Workers cannot open TCP/))
    expect(problems).toContainEqual(
      expect.stringMatching(/^plugin console-delivery: settings\.printToTerminal: /),
    )
    expect(problems).toContainEqual(
      expect.stringMatching(/^plugin resend-email \(DELIVERY_EMAIL=resend-email\): RESEND_API_KEY/),
    )
  })

  it('refuses a Worker without a database URL', async () => {
    expect(await bootProblems({})).toEqual([
      expect.stringMatching(/^TURSO_DATABASE_URL: a Worker needs a remote database/),
    ])
  })
})
