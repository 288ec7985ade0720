import { OpenAPIHono } from '@hono/zod-openapi'
import type { Hook } from '@hono/zod-openapi'
import type { z } from 'zod'
import { coreError, type FieldIssue } from '../errors.ts'
import type { AppEnv } from '../services.ts'
import { respondWithError } from './error-handler.ts'

export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }))
}

/** Zod validation failures answer 400 `validation_failed` with one entry per bad field. */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result, c) => {
  if (!result.success) {
    const fields = fieldIssues(result.error)
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
