/**
 * One operation's memory of which backing services already failed it. The deadline bounds each
 * call, not a request: code that catches a failure and carries on (record the failure, look up a
 * forwarding rule, write an audit row) would otherwise wait a full deadline again on every call
 * to the same frozen service. Through a scope's guarded port, the first `DependencyError` marks
 * the dependency failed and every later call fails at once, so the first failing call bounds
 * the whole operation.
 *
 * A scope is made per operation and handed down explicitly, never kept in the shared ports:
 * one isolate serves many requests at once, and Workers have no AsyncLocalStorage without
 * nodejs_compat, so nothing could tell one request's calls from another's.
 */
import { DependencyError } from './dependency-error.ts'

type Dependency = DependencyError['dependency']

/** The `cause` of a call refused because its dependency already failed in the same scope. */
export class FailedEarlier extends Error {
  override readonly name = 'FailedEarlier'
  constructor(readonly method: string) {
    super(`${method} not attempted: an earlier call failed in the same request`)
  }
}

export class DependencyScope {
  readonly #failed = new Map<Dependency, DependencyError>()

  /** Remembers `error` when it is a dependency failure; anything else is ignored. */
  note(error: unknown): void {
    if (error instanceof DependencyError && !this.#failed.has(error.dependency)) {
      this.#failed.set(error.dependency, error)
    }
  }

  /** The first failure of `dependency` in this scope, if any. */
  failure(dependency: Dependency): DependencyError | undefined {
    return this.#failed.get(dependency)
  }

  /**
   * What to report for `error`: for a dependency failure, the first one of that dependency in
   * this scope (the call that actually waited and failed, not one refused because of it).
   */
  firstOf(error: unknown): unknown {
    return error instanceof DependencyError ? (this.failure(error.dependency) ?? error) : error
  }

  /**
   * `port` as seen by this scope: once `dependency` failed here, its methods (but `exempt`
   * ones, e.g. `close`) reject with `DependencyError` without calling; until then each call's
   * `DependencyError` is noted on its way out.
   */
  guard<T extends object>(
    port: T,
    dependency: Dependency,
    exempt: ReadonlyArray<keyof T & string> = [],
  ): T {
    const skip = new Set<PropertyKey>(exempt)
    return new Proxy(port, {
      get: (object, property, receiver) => {
        const value: unknown = Reflect.get(object, property, receiver)
        if (typeof value !== 'function' || skip.has(property)) return value
        const method = value as (...args: unknown[]) => unknown
        const name = `${dependency}.${String(property)}`
        return async (...args: unknown[]): Promise<unknown> => {
          if (this.#failed.has(dependency)) {
            throw new DependencyError(dependency, new FailedEarlier(name))
          }
          try {
            return await method.apply(object, args)
          } catch (error) {
            this.note(error)
            throw error
          }
        }
      },
    })
  }
}
