import type { z } from 'zod'
import type { FieldIssueParams } from '../errors.ts'

type Value = FieldIssueParams[string]

/** A JSON-safe copy of a limit or option (bigints and other primitives as numbers or text). */
const plain = (value: unknown): Value =>
  typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string'
    ? value
    : typeof value === 'bigint'
      ? Number(value)
      : String(value)

/**
 * What a zod issue names (a limit, the expected type, the allowed values), so the message can
 * be told in another language from the issue's code. A missing field is an `invalid_type`
 * whose input was undefined; zod keeps no input, only its own wording says so.
 */
export function issueParams(issue: z.core.$ZodIssue): FieldIssueParams {
  switch (issue.code) {
    case 'too_big':
      return { origin: issue.origin, maximum: plain(issue.maximum), inclusive: !!issue.inclusive }
    case 'too_small':
      return { origin: issue.origin, minimum: plain(issue.minimum), inclusive: !!issue.inclusive }
    case 'invalid_type':
      return issue.message.endsWith('received undefined')
        ? { expected: issue.expected, missing: true }
        : { expected: issue.expected }
    case 'invalid_format':
      return { format: issue.format }
    case 'invalid_value':
      return { values: issue.values.map((v) => String(plain(v))) }
    case 'unrecognized_keys':
      return { keys: issue.keys }
    case 'not_multiple_of':
      return { divisor: plain(issue.divisor) }
    default:
      return {}
  }
}
