/**
 * Every sign-in body (a password, a one-time code, an authenticator code, the first password
 * after an invitation) names its app and device the same way: one definition,
 * `signInClientFields` (src/api/plugin-routes.ts). This fails when a route writes its own copy
 * with other limits, as the code flows' routes once did (secret ≤ 200, label ≤ 100, untrimmed).
 */
import { describe, expect, it } from 'vitest'
import { openApiDocument } from '../clients/typescript/scripts/openapi-document.ts'

type Schema = { properties?: Record<string, unknown>; $ref?: string }

describe('sign-in client fields', () => {
  it('are the same in every request body that takes clientId and deviceLabel', async () => {
    const document = (await openApiDocument()) as unknown as {
      components: { schemas: Record<string, Schema> }
      paths: Record<
        string,
        Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>
      >
    }
    const resolve = (schema: Schema | undefined): Schema | undefined =>
      schema?.$ref ? document.components.schemas[schema.$ref.split('/').pop() as string] : schema
    const bodies = new Map<string, Schema>()
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const schema = resolve(operation.requestBody?.content?.['application/json']?.schema)
        if (schema?.properties?.clientId && schema.properties.deviceLabel) {
          bodies.set(`${method.toUpperCase()} ${path}`, schema)
        }
      }
    }
    expect([...bodies.keys()]).toEqual(
      expect.arrayContaining([
        'POST /v1/auth/password/sign-in',
        'POST /v1/auth/sms-otp/verify',
        'POST /v1/auth/email-otp/verify',
        'POST /v1/auth/flash-call/verify',
        'POST /v1/sign-in/complete-registration',
      ]),
    )
    const fields = ([, schema]: [string, Schema]) => {
      const { clientId, clientSecret, deviceLabel } = schema.properties ?? {}
      return { clientId, clientSecret, deviceLabel }
    }
    const [first, ...rest] = [...bodies.entries()]
    for (const body of rest) expect([body[0], fields(body)]).toEqual([body[0], fields(first!)])
  }, 60_000)
})
