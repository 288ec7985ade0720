/**
 * Work that must not delay the answer (e.g. sending a reset link, whose duration would tell a
 * caller whether the account exists). On Workers it is handed to `executionCtx.waitUntil`, so
 * the isolate stays alive until it ends; on Node and Deno it is a detached promise. Either way
 * its failure is logged, never thrown into the request.
 */
import type { Context } from 'hono'
import type { AppEnv } from '../services.ts'

const pending = new Set<Promise<void>>()

export function runInBackground(
  c: Context<AppEnv>,
  task: Promise<unknown>,
  label = 'background task',
): void {
  const log = c.get('log')
  const settled = task.then(
    () => undefined,
    (error: unknown) => {
      log.error(`${label} failed`, {
        error: error instanceof Error ? error.message : String(error),
      })
    },
  )
  pending.add(settled)
  void settled.finally(() => pending.delete(settled))
  let executionCtx: { waitUntil(promise: Promise<unknown>): void } | undefined
  try {
    // Hono throws when the runtime gave no execution context (Node, Deno, app.request in tests).
    executionCtx = c.executionCtx
  } catch {
    executionCtx = undefined
  }
  executionCtx?.waitUntil(settled)
}

/** Resolves once every task started so far in this process has ended (tests, shutdown). */
export async function backgroundTasksSettled(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending])
}
