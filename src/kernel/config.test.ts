import { describe, expect, it } from 'vitest'
import {
  ConfigError,
  checkSettings,
  loadSettings,
  resolveStateStoreKind,
  stateStoreChoice,
} from './config.ts'

function problemsOf(env: Record<string, unknown>): string[] {
  try {
    loadSettings(env)
  } catch (error) {
    if (error instanceof ConfigError) return error.problems
    throw error
  }
  throw new Error('expected a ConfigError')
}

describe('loadSettings', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const settings = loadSettings({})
    expect(settings.PROPUSK_MODE).toBe('development')
    expect(settings.PUBLIC_URL).toBe('http://localhost:8787')
    expect(resolveStateStoreKind(settings)).toBe('memory')
    expect(settings.DELIVERY_SMS).toBe('console-delivery')
    expect(settings.PORT).toBe(8787)
  })

  it('bounds the storage deadlines and hands the state one to the state store', () => {
    const defaults = loadSettings({})
    expect([defaults.STATE_TIMEOUT_MS, defaults.SQL_TIMEOUT_MS]).toEqual([1000, 5000])
    expect(stateStoreChoice(loadSettings({ STATE_TIMEOUT_MS: '250' })).timeoutMs).toBe(250)
    const problems = problemsOf({ STATE_TIMEOUT_MS: '0', SQL_TIMEOUT_MS: 'soon' })
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'SQL_TIMEOUT_MS',
      'STATE_TIMEOUT_MS',
    ])
  })

  it('ignores non-string bindings such as KV namespaces', () => {
    expect(() => loadSettings({ ASSETS: { fetch() {} }, LOG_LEVEL: 'warn' })).not.toThrow()
  })

  it('picks the state store from the conventional variables', () => {
    expect(resolveStateStoreKind(loadSettings({ REDIS_URL: 'redis://127.0.0.1:6379' }))).toBe(
      'redis',
    )
    expect(
      resolveStateStoreKind(
        loadSettings({
          UPSTASH_REDIS_REST_URL: 'https://x.upstash.io',
          UPSTASH_REDIS_REST_TOKEN: 't',
        }),
      ),
    ).toBe('upstash')
  })

  it('lists every problem at once', () => {
    const problems = problemsOf({
      PROPUSK_MODE: 'staging',
      PUBLIC_URL: 'not a url',
      REDIS_URL: 'http://wrong',
      PORT: 'eighty',
      PLUGIN_SETTINGS: '[1,2]',
    })
    expect(problems).toHaveLength(5)
    for (const name of ['PROPUSK_MODE', 'PUBLIC_URL', 'REDIS_URL', 'PORT', 'PLUGIN_SETTINGS']) {
      expect(problems.some((p) => p.startsWith(`${name}:`))).toBe(true)
    }
  })

  it('refuses production without durable storage, keys, https and real delivery', () => {
    const problems = problemsOf({ PROPUSK_MODE: 'production', PUBLIC_URL: 'http://id.example.com' })
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'DELIVERY_CALL',
      'DELIVERY_EMAIL',
      'DELIVERY_SMS',
      'PUBLIC_URL',
      'SIGNING_KEYS',
      'STATE_STORE',
      'TURSO_DATABASE_URL',
    ])
  })

  it('requires the Upstash token with the Upstash URL', () => {
    expect(problemsOf({ UPSTASH_REDIS_REST_URL: 'https://x.upstash.io' })).toEqual([
      'UPSTASH_REDIS_REST_TOKEN: is required with UPSTASH_REDIS_REST_URL',
    ])
  })

  it('produces a message an operator can act on', () => {
    expect(() => loadSettings({ LOG_LEVEL: 'loud' })).toThrow(
      /Propusk cannot start[\s\S]*LOG_LEVEL/,
    )
  })

  it('lists field problems and the cross-field rules together', () => {
    const problems = problemsOf({ PORT: 'abc', LOG_LEVEL: 'loud', PROPUSK_MODE: 'production' })
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'DELIVERY_CALL',
      'DELIVERY_EMAIL',
      'DELIVERY_SMS',
      'LOG_LEVEL',
      'PORT',
      'PUBLIC_URL',
      'SIGNING_KEYS',
      'STATE_STORE',
      'TURSO_DATABASE_URL',
    ])
  })

  it('reports a bad value once, not again as missing', () => {
    const problems = problemsOf({ PROPUSK_MODE: 'production', TURSO_DATABASE_URL: 'mysql://x' })
    expect(problems.filter((p) => p.startsWith('TURSO_DATABASE_URL:'))).toEqual([
      expect.stringMatching(/must be a file:/),
    ])
  })

  it('keeps best-effort values for later checks when settings are bad', () => {
    const checked = checkSettings({ PORT: 'abc', DELIVERY_SMS: 'twilio-sms' })
    expect(checked.settings).toBeUndefined()
    expect(checked.bestEffort).toMatchObject({ PORT: 8787, DELIVERY_SMS: 'twilio-sms' })
  })

  it('accepts only bare origins in CORS_ORIGINS', () => {
    expect(
      loadSettings({ CORS_ORIGINS: 'https://app.example.com, http://localhost:5173' }).CORS_ORIGINS,
    ).toEqual(['https://app.example.com', 'http://localhost:5173'])
    const problems = problemsOf({
      CORS_ORIGINS:
        'https://app.example.com/ https://*.example.com app.example.com https://a.com/x',
    })
    expect(problems).toHaveLength(4)
    for (const problem of problems) {
      expect(problem).toMatch(/^CORS_ORIGINS: ".*" is not an origin: give scheme:\/\/host\[:port\]/)
    }
  })
})
