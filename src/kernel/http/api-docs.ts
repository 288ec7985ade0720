/**
 * What every route definition shares in /openapi.json: the one error body and who may call.
 * Clients are generated from the document, so every 4xx points at the same `Error` schema and
 * every operation states its security (an omitted one would read as "unspecified", and
 * `redocly lint` refuses it).
 */
import * as z from 'zod'

/** The body of every error answer (`ApiError.toJSON`), registered once as `Error`. */
export const errorSchema = z
  .object({
    error: z
      .object({
        code: z.string().openapi({
          example: 'validation_failed',
          description: 'Stable machine-readable code; the list is under `x-error-codes`',
        }),
        message: z.string().openapi({ description: 'Human-readable; may change' }),
        requestId: z.string().optional(),
        fields: z
          .array(
            z.object({
              field: z.string().openapi({ description: 'Dotted path, e.g. `phone` or `roles.0`' }),
              message: z.string(),
              code: z
                .string()
                .optional()
                .openapi({ description: 'Where clients may branch on it' }),
            }),
          )
          .optional()
          .openapi({ description: 'With `validation_failed`: each bad field' }),
        retryAfterSeconds: z
          .number()
          .optional()
          .openapi({ description: 'With limits and lockouts, as in the `Retry-After` header' }),
      })
      .loose()
      .openapi({ description: 'Some codes add their own details (e.g. `attemptsLeft`)' }),
  })
  .openapi('Error')

/**
 * An error reported inside an answer that otherwise succeeded (the health check's failing
 * dependency, an invitation that could not be sent): the same code and message as `Error`.
 */
export const errorSummary = z.object({ code: z.string(), message: z.string() })

/** A documented error answer: `description` names the codes it carries. */
export const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorSchema } },
})

/** One way to call: scheme name → scopes (none here). `{}` means "no credentials". */
type Requirement = Record<string, string[]>
const anyOf = (...ways: Requirement[]): Requirement[] => ways

/**
 * The `security` of an operation, naming the schemes `mountOpenApi` registers. Declared on
 * every route rather than as a document default, so a route that forgot to say is caught by
 * the lint test instead of inheriting one.
 */
export const access = {
  /** No credentials: anyone may call. */
  public: anyOf(),
  /** An access token (`Authorization: Bearer <JWT>`). */
  bearer: anyOf({ bearerAuth: [] }),
  /** The admin console's HttpOnly refresh cookie (with the `X-Propusk-Console: 1` header). */
  consoleCookie: anyOf({ consoleCookie: [] }),
  /** The console cookie when there is one; without it the call still succeeds. */
  optionalConsoleCookie: anyOf({ consoleCookie: [] }, {}),
  /**
   * Public apps send nothing; confidential apps prove their secret with HTTP Basic
   * (`client_id:client_secret`) or in the body, which OpenAPI cannot express as a scheme.
   */
  optionalClientBasic: anyOf({}, { clientBasic: [] }),
}

/** A required JSON request body of `schema`, as `createRoute({ request: { body } })` wants it. */
export const jsonBody = <Schema extends z.ZodType>(schema: Schema) => ({
  required: true,
  content: { 'application/json': { schema } },
})

/** A documented JSON answer of `schema`, as `createRoute({ responses })` wants it. */
export const jsonResponse = <Schema extends z.ZodType>(description: string, schema: Schema) => ({
  description,
  content: { 'application/json': { schema } },
})
