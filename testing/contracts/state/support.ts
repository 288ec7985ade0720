/**
 * Helpers for the StateStore contract suites (./contract.ts and the contract-*.ts parts it
 * composes). Not a test file itself: it only defines things tests use.
 */
import { test } from 'vitest'
import type { StateStore } from '../../../src/kernel/ports/state.ts'

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Polls `check` until it holds; fails after `timeoutMs`. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`)
    await sleep(10)
  }
}

export const count = <T>(items: T[], predicate: (item: T) => boolean) =>
  items.filter(predicate).length
export const range = (n: number) => Array.from({ length: n }, (_, i) => i)
/** A TTL/window long enough never to run out during a test. */
export const LONG = 60_000

/**
 * `test` with a `store` fixture: a fixture rather than beforeEach so every test gets its own
 * store (and so its own key prefix) even if tests are ever run concurrently.
 */
export function storeTest(makeStore: () => Promise<StateStore>) {
  return test.extend<{ store: StateStore }>({
    // Vitest requires fixtures to destructure their context, even when they need none of it.
    store: async ({}, use) => {
      const store = await makeStore()
      await use(store)
      await store.close()
    },
  })
}

export type StoreTest = ReturnType<typeof storeTest>
