/**
 * A deadline on every call through a storage port. A backing service that accepts the
 * connection but never answers (a frozen Redis, a stuck HTTP proxy in front of Turso) would
 * otherwise leave a request waiting forever: no client library bounds every path (ioredis has
 * no timeout by default, Upstash and libSQL HTTP wait as long as fetch does). Racing each call
 * against a timer at the port boundary bounds them all, whatever the adapter; the adapters also
 * set their clients' own timeouts so the abandoned socket or fetch is released, not just raced.
 *
 * The wrapper is a Proxy, so a method added to a port later is covered without touching this
 * file. Only promise-returning calls are raced; synchronous members (`close()` of SQL, `kind`)
 * pass through.
 */
import { DependencyError } from './dependency-error.ts'
import type { SqlDatabase } from './sql.ts'
import type { StateStore } from './state.ts'

export interface DeadlineOptions<T> {
  /** Which dependency a timed-out call names in its `DependencyError`. */
  dependency: DependencyError['dependency']
  timeoutMs: number
  /**
   * Methods left without the deadline. `close` belongs here: racing it would release nothing,
   * and the clients bound their own shutdown.
   */
  exempt?: ReadonlyArray<keyof T & string>
}

/** Thrown (as the `cause` of a `DependencyError`) when a call did not settle in time. */
export class DeadlineExceeded extends Error {
  override readonly name = 'DeadlineExceeded'
  constructor(
    readonly method: string,
    readonly timeoutMs: number,
  ) {
    super(`${method} did not answer within ${timeoutMs} ms`)
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  )
}

/** Settles like `pending`, or rejects with `DependencyError` after `timeoutMs`. */
export function raceDeadline<R>(
  pending: PromiseLike<R>,
  dependency: DependencyError['dependency'],
  method: string,
  timeoutMs: number,
): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new DependencyError(dependency, new DeadlineExceeded(method, timeoutMs))),
      timeoutMs,
    )
    // Node: a call that never settles must not keep the process alive after shutdown.
    ;(timer as { unref?: () => void }).unref?.()
    pending.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error)
      },
    )
  })
}

/** `target` with every promise-returning method raced against the deadline. */
export function withDeadline<T extends object>(target: T, options: DeadlineOptions<T>): T {
  const { dependency, timeoutMs } = options
  const exempt = new Set<PropertyKey>(options.exempt ?? [])
  const wrapped = new Map<PropertyKey, unknown>()
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver)
      if (typeof value !== 'function' || exempt.has(property)) return value
      const cached = wrapped.get(property)
      if (cached) return cached
      const method = value as (...args: unknown[]) => unknown
      const name = `${dependency}.${String(property)}`
      const guarded = (...args: unknown[]): unknown => {
        const result = method.apply(object, args)
        return isThenable(result) ? raceDeadline(result, dependency, name, timeoutMs) : result
      }
      wrapped.set(property, guarded)
      return guarded
    },
  })
}

/** The state port under its deadline; `close` is bounded by the clients themselves. */
export function withStateDeadline(state: StateStore, timeoutMs: number): StateStore {
  return withDeadline(state, { dependency: 'state', timeoutMs, exempt: ['close'] })
}

/** The SQL port under its deadline (its `close` is synchronous and passes through anyway). */
export function withSqlDeadline(sql: SqlDatabase, timeoutMs: number): SqlDatabase {
  return withDeadline(sql, { dependency: 'sql', timeoutMs, exempt: ['close'] })
}
