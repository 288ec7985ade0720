/**
 * Vitest global setup: starts the shared backing services once per run and hands their
 * addresses to test files through `provide`/`inject`. To add a service, start it in `setup`,
 * register its stop function with `onTeardown`, `provide` its address and declare the key in
 * `ProvidedContext` below. Teardown runs in reverse start order, also when a later start fails.
 */
// Without an import of 'vitest' itself, tsc 7 reports the augmentation below as targeting an
// unknown module.
import type {} from 'vitest'
import type { TestProject } from 'vitest/node'
import { startRedisServer } from './support/redis-server.ts'
import { startUpstashBridge } from './support/upstash-bridge.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** `redis://127.0.0.1:<port>` of a throwaway redis-server. */
    redisUrl: string
    /** Upstash REST bridge in front of that redis-server, and the token it accepts. */
    upstashUrl: string
    upstashToken: string
  }
}

const teardowns: Array<() => Promise<void>> = []

function onTeardown(stop: () => Promise<void>): void {
  teardowns.push(stop)
}

async function teardown(): Promise<void> {
  const errors: unknown[] = []
  for (const stop of teardowns.splice(0).reverse()) {
    try {
      await stop()
    } catch (error) {
      errors.push(error)
    }
  }
  if (errors.length > 0) throw new AggregateError(errors, 'global teardown failed')
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  try {
    const redis = await startRedisServer()
    onTeardown(redis.stop)
    project.provide('redisUrl', redis.url)

    const upstash = await startUpstashBridge({ redisUrl: redis.url })
    onTeardown(upstash.stop)
    project.provide('upstashUrl', upstash.url)
    project.provide('upstashToken', upstash.token)
  } catch (error) {
    await teardown().catch(() => {})
    throw error
  }
  return teardown
}
