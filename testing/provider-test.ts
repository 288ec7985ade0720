/**
 * The harness of a delivery provider plugin's tests: the real app, its provider selected and
 * pointed at a local fake of the vendor's API (`fake-http.ts`), so a test asserts the exact
 * request the vendor's documentation defines and how each documented answer is mapped.
 */
import { afterEach, expect } from 'vitest'
import { ConfigError } from '../src/kernel/config.ts'
import { DeliveryError, type OutboundMessage } from '../src/kernel/delivery.ts'
import type { Plugin } from '../src/kernel/plugin.ts'
import { plugins as registeredPlugins } from '../src/plugins.ts'
import { startFakeHttp, type FakeHandler, type FakeHttp, type FakeResponse } from './fake-http.ts'
import { createTestPropusk, type TestPropusk } from './propusk.ts'

export interface ProviderTestOptions {
  /** The delivery provider plugin under test. */
  pluginId: string
  /**
   * The plugin itself, so the same test runs before and after it is registered: every app then
   * loads the registered plugins plus this one (replacing a registered copy).
   */
  plugin?: Plugin
  /** Env that selects the provider and sets its secrets, given the fake API's URL. */
  env: (url: string) => Record<string, string>
  /** Its settings for the fake API at `url`; default `{ baseUrl: url }`. */
  settings?: (url: string) => Record<string, unknown>
  /** What `sendError` sends unless told otherwise. */
  message: OutboundMessage
}

export interface ProviderTest {
  /** A fake provider API answering as scripted; closed after the test. */
  fake(...responses: Array<FakeResponse | FakeHandler>): Promise<FakeHttp>
  /** The app with the provider selected against `url`, retrying without delay. */
  start(
    url: string,
    settings?: Record<string, unknown>,
    env?: Record<string, string>,
  ): Promise<TestPropusk>
  /** Any other app (e.g. the provider not selected); closed after the test. */
  open(options?: Parameters<typeof createTestPropusk>[0]): Promise<TestPropusk>
  /** Sends and expects a DeliveryError, which it returns for assertions. */
  sendError(propusk: TestPropusk, message?: OutboundMessage): Promise<DeliveryError>
  /** Starts with `env`, expects a ConfigError, and returns its problems, one a line. */
  startupProblems(env: Record<string, string>): Promise<string>
}

/** What a provider that could not deliver reports, for `toMatchObject`. */
export const unavailable = (retryable: boolean) =>
  ({ code: 'provider_unavailable', retryable }) as const

/**
 * The setup every delivery provider plugin's tests share: a real app (libSQL file, in-memory
 * state) whose provider talks to a local fake of the provider's API. Call it at the top of a
 * test file: it registers the cleanup.
 */
export function providerTestPropusk(options: ProviderTestOptions): ProviderTest {
  let open: Array<{ close(): Promise<void> }> = []
  afterEach(async () => {
    const closing = open
    open = []
    for (const item of closing) await item.close()
  })

  const withPlugin = (base: Parameters<typeof createTestPropusk>[0] = {}) =>
    options.plugin ? { plugins: [...registeredPlugins, options.plugin], ...base } : base
  const track = async <T extends { close(): Promise<void> }>(item: Promise<T>): Promise<T> => {
    const value = await item
    open.push(value)
    return value
  }

  return {
    fake: async (...responses) => (await track(startFakeHttp())).respond(...responses),
    open: (propusk) => track(createTestPropusk(withPlugin(propusk))),
    start(url, settings = {}, env = {}) {
      const pluginSettings = { ...(options.settings?.(url) ?? { baseUrl: url }), retryDelayMs: 1 }
      return track(
        createTestPropusk(
          withPlugin({
            env: {
              ...options.env(url),
              PLUGIN_SETTINGS: JSON.stringify({
                [options.pluginId]: { ...pluginSettings, ...settings },
              }),
              ...env,
            },
          }),
        ),
      )
    },
    async sendError(propusk, message = options.message) {
      const error = await propusk.services.delivery.send(message).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(DeliveryError)
      return error as DeliveryError
    },
    async startupProblems(env) {
      const failure = await track(createTestPropusk(withPlugin({ env }))).catch((e: unknown) => e)
      expect(failure).toBeInstanceOf(ConfigError)
      return (failure as ConfigError).problems.join('\n')
    },
  }
}
