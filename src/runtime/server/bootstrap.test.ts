import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ConfigError, loadSettings } from '../../kernel/config.ts'
import { createLogger } from '../../kernel/logger.ts'
import { plugins } from '../../plugins.ts'
import { openLibsql } from '../../storage/sql/libsql-node.ts'
import { MigrationError } from '../../kernel/migrate.ts'
import { DependencyError } from '../../kernel/ports/sql.ts'
import { bootServer, localDatabaseUrl, openStateStore, startupFailureMessage } from './bootstrap.ts'

const dirs: string[] = []
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'propusk-boot-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  vi.restoreAllMocks()
})

async function bootProblems(env: Record<string, string>): Promise<string[]> {
  try {
    const boot = await bootServer(env, plugins)
    await boot.close()
  } catch (error) {
    if (error instanceof ConfigError) return error.problems
    throw error
  }
  throw new Error('expected startup to fail')
}

async function migrationTableExists(dataDir: string): Promise<boolean> {
  const sql = await openLibsql(localDatabaseUrl(dataDir))
  try {
    const { rows } = await sql.execute(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_propusk_migrations'",
    )
    return rows.length > 0
  } finally {
    sql.close()
  }
}

describe('bootServer', () => {
  it('never falls back to a local database file or dev keys in production', async () => {
    const dataDir = join(tempDir(), 'data')
    const problems = await bootProblems({ PROPUSK_MODE: 'production', DATA_DIR: dataDir })
    expect(problems).toContain('TURSO_DATABASE_URL: is required in production')
    expect(problems).toContainEqual(expect.stringMatching(/^SIGNING_KEYS: is required/))
    expect(existsSync(dataDir)).toBe(false)
  })

  it('reports settings, plugin settings and provider secrets in one error, before migrating', async () => {
    const dataDir = tempDir()
    const problems = await bootProblems({
      DATA_DIR: dataDir,
      PORT: 'abc',
      LOG_LEVEL: 'loud',
      PLUGIN_SETTINGS: JSON.stringify({ 'console-delivery': { printToTerminal: 'yes' } }),
      DELIVERY_SMS: 'twilio-sms',
    })
    expect(problems).toContainEqual(expect.stringMatching(/^PORT: /))
    expect(problems).toContainEqual(expect.stringMatching(/^LOG_LEVEL: /))
    expect(problems).toContainEqual(
      expect.stringMatching(/^plugin console-delivery: settings\.printToTerminal: /),
    )
    expect(problems).toContainEqual(
      expect.stringMatching(/^plugin twilio-sms \(DELIVERY_SMS=twilio-sms\): TWILIO_ACCOUNT_SID/),
    )
    expect(await migrationTableExists(dataDir)).toBe(false)
  })

  it('does not migrate when only a plugin setting is bad', async () => {
    const dataDir = tempDir()
    const problems = await bootProblems({
      DATA_DIR: dataDir,
      PLUGIN_SETTINGS: JSON.stringify({ 'console-delivery': { exposeOutbox: 3 } }),
    })
    expect(problems).toEqual([
      expect.stringMatching(/^plugin console-delivery: settings\.exposeOutbox/),
    ])
    expect(await migrationTableExists(dataDir)).toBe(false)
  })

  it('boots, migrates and serves with the local defaults', async () => {
    const dataDir = tempDir()
    const boot = await bootServer({ DATA_DIR: dataDir, LOG_LEVEL: 'error' }, plugins)
    try {
      expect((await boot.propusk.app.request('/healthz')).status).toBe(200)
      expect(await migrationTableExists(dataDir)).toBe(true)
    } finally {
      await boot.close()
    }
  })
})

describe('openStateStore', () => {
  it('logs a dead Redis as one structured line, never as ioredis "Unhandled error event"', async () => {
    const printed: string[] = []
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      printed.push(args.map(String).join(' '))
    })
    const lines: string[] = []
    const log = createLogger({ write: (_level, line) => lines.push(line) })
    const state = openStateStore(loadSettings({ REDIS_URL: 'redis://127.0.0.1:1' }), log)
    try {
      await expect(state.get('x')).rejects.toBeInstanceOf(DependencyError)
      await new Promise((resolve) => setTimeout(resolve, 300))
    } finally {
      await state.close()
    }
    expect(printed.join('\n')).not.toMatch(/Unhandled error event/)
    const errors = lines.map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({
      level: 'error',
      msg: 'state store connection error',
      dependency: 'state',
    })
  })
})

describe('startupFailureMessage', () => {
  it('turns operator-fixable failures into one line, and leaves bugs alone', () => {
    let fsError: unknown
    try {
      mkdirSync('/dev/null/x', { recursive: true })
    } catch (error) {
      fsError = error
    }
    expect(startupFailureMessage(fsError)).toBe(
      'Propusk cannot start: cannot mkdir /dev/null/x (not a directory); check DATA_DIR and its permissions',
    )
    const edited = new MigrationError('Migration core/0001_core was modified after it was applied')
    expect(startupFailureMessage(edited)).toBe(
      'Propusk cannot start: Migration core/0001_core was modified after it was applied',
    )
    expect(startupFailureMessage(new DependencyError('sql', new Error('refused')))).toBe(
      'Propusk cannot start: SQL database unavailable: refused',
    )
    expect(startupFailureMessage(new ConfigError(['PORT: bad']))).toMatch(/PORT: bad/)
    expect(startupFailureMessage(new TypeError('x is undefined'))).toBeUndefined()
  })
})
