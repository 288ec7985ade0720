import { OpenAPIHono } from '@hono/zod-openapi'
import type { Hook } from '@hono/zod-openapi'
import type { z } from 'zod'
import { coreError, type FieldIssue } from '../errors.ts'
import { issueParams } from './zod-params.ts'
import type { AppEnv } from '../services.ts'
import { respondWithError } from './error-handler.ts'

export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const params = issueParams(issue)
    return {
      field: issue.path.map(String).join('.') || '(body)',
      message: issue.message,
      code: ownCode(issue) ?? issue.code,
      ...(Object.keys(params).length ? { params } : {}),
    }
  })
}

/** A check's own code, given as `params.code` of a custom zod issue (e.g. `phone_invalid`). */
function ownCode(issue: z.core.$ZodIssue): string | undefined {
  const code = issue.code === 'custom' ? issue.params?.code : undefined
  return typeof code === 'string' ? code : undefined
}

/**
 * A query parameter given twice (`?limit=-1&limit=2`) reaches a single-value schema as an array,
 * and zod's own message ("expected number, received NaN") hides why: say it plainly. Routes that
 * accept repeats declare an array schema and never fail on them.
 */
function repeatedQueryIssues(fields: FieldIssue[], query: Record<string, string[]>): FieldIssue[] {
  const repeated = new Set(
    fields
      .map((f) => f.field.split('.')[0] as string)
      .filter((name) => (query[name]?.length ?? 0) > 1),
  )
  const rest = fields.filter((f) => !repeated.has(f.field.split('.')[0] as string))
  return [
    ...[...repeated].map((field) => ({
      field,
      code: 'repeated_query',
      message: 'must be given once: the query string repeats it',
    })),
    ...rest,
  ]
}

/** Zod validation failures answer 400 `validation_failed` with one entry per bad field. */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result, c) => {
  if (!result.success) {
    const issues = fieldIssues(result.error)
    const fields = result.target === 'query' ? repeatedQueryIssues(issues, c.req.queries()) : issues
    return respondWithError(
      c,
      coreError('validation_failed', `Invalid ${fields.map((f) => f.field).join(', ')}.`, {
        fields,
      }),
    )
  }
  return undefined
}

/** A router whose routes validate with zod and document themselves in OpenAPI. */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
}
