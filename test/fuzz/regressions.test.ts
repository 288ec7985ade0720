/**
 * Findings of the fuzz runs, replayed exactly: each was a 5xx or a non-JSON error once, so each
 * stays a fixed request here even when the random run no longer happens to generate it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { quietDelivery } from '../support/admin.ts'
import { createTestPropusk, type TestPropusk } from '../support/propusk.ts'
import { contractViolation } from './check.ts'

let propusk: TestPropusk
beforeAll(async () => {
  propusk = await createTestPropusk({ env: quietDelivery })
})
afterAll(async () => {
  await propusk?.close()
})

const deep = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)

it.each([
  // JSON.parse accepts this depth, but re-serialising the payload for the inner sign-in request
  // overflowed the stack: a 500 instead of a 400.
  [
    'console sign-in with a payload nested 100,000 deep',
    '/v1/console/session',
    `{"via":"password/sign-in","payload":${deep(100_000)}}`,
  ],
])('%s answers a JSON 4xx', async (_name, path, body) => {
  const response = await propusk.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-propusk-console': '1' },
    body,
  })
  const answer = {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text: await response.text(),
  }
  expect(contractViolation('POST', answer, new Set()), answer.text).toBeUndefined()
})
