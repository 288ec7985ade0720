/**
 * A backing service did not answer: the state store (Redis/Upstash) or the SQL database
 * (libSQL/Turso) is unreachable, closed, overloaded or refused our credentials. Adapters wrap
 * such failures in this class at their boundary, so the HTTP layer can answer 503
 * `dependency_unavailable` naming the dependency instead of a 500. Constraint violations and
 * other answers about the data itself are not dependency failures and are never wrapped.
 */
export class DependencyError extends Error {
  override readonly name = 'DependencyError'
  constructor(
    readonly dependency: 'state' | 'sql',
    cause: unknown,
  ) {
    super(
      `${dependency === 'sql' ? 'SQL database' : 'state store'} unavailable: ${
        cause instanceof Error ? cause.message : String(cause)
      }`,
      { cause },
    )
  }
}
