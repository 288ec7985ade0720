/**
 * What every answer to a fuzz request must be: never a 5xx, and every 4xx a JSON error body
 * `{"error":{"code":"<string>",…}}` (src/kernel/errors.ts), except where the operation documents
 * another error media type (the HTML pages document text/html) and for HEAD, which has no body.
 */
export interface Answer {
  status: number
  contentType: string
  text: string
}

/** Why the answer breaks the contract, or undefined when it is fine. */
export function contractViolation(
  method: string,
  answer: Answer,
  errorMediaTypes: Set<string>,
): string | undefined {
  if (answer.status >= 500) return `status ${answer.status}`
  if (answer.status < 400 || method === 'HEAD') return undefined
  const type = answer.contentType.split(';')[0]?.trim().toLowerCase() ?? ''
  if (type !== 'application/json' && errorMediaTypes.has(type)) return undefined
  if (type !== 'application/json')
    return `${answer.status} with content-type "${answer.contentType}"`
  let parsed: unknown
  try {
    parsed = JSON.parse(answer.text)
  } catch {
    return `${answer.status} with a body that is not JSON`
  }
  const error = (parsed as { error?: { code?: unknown } } | null)?.error
  if (typeof error?.code !== 'string' || error.code === '') {
    return `${answer.status} without a string error.code`
  }
  return undefined
}

export interface Failure {
  reason: string
  route: string
  labels: string[]
  reproduction: string
}

/** Failures grouped by route and reason, with one (the shortest) reproduction each. */
export function summarize(failures: Failure[]): string {
  const groups = new Map<string, Failure[]>()
  for (const failure of failures) {
    const key = `${failure.route} → ${failure.reason}`
    groups.set(key, [...(groups.get(key) ?? []), failure])
  }
  return [...groups]
    .map(([key, list]) => {
      const shortest = list.reduce((a, b) =>
        a.reproduction.length <= b.reproduction.length ? a : b,
      )
      return `${list.length}× ${key}\n   labels: ${shortest.labels.join('; ')}\n   ${shortest.reproduction}`
    })
    .join('\n')
}
