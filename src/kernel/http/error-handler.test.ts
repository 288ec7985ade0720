import { describe, expect, it } from 'vitest'
import { ApiError } from '../errors.ts'
import { createLogger } from '../logger.ts'
import { errorHandler } from './error-handler.ts'
import { createRouter } from './validation.ts'

/** A router with the real error handler and a logger whose lines the test reads. */
function appThrowing(error: () => Error) {
  const lines: Array<Record<string, unknown>> = []
  const log = createLogger({
    level: 'debug',
    write: (_level, line) => lines.push(JSON.parse(line)),
  })
  const app = createRouter()
  app.onError(errorHandler)
  app.use('*', async (c, next) => {
    c.set('log', log)
    await next()
  })
  app.post('/upload', () => {
    throw error()
  })
  return { app, lines }
}

const withCode = (message: string, name: string, code?: string) =>
  Object.assign(new Error(message), { name, ...(code ? { code } : {}) })

describe('the error handler tells client aborts from server errors', () => {
  it('a real error is a 500 internal_error logged at error with its stack', async () => {
    const { app, lines } = appThrowing(() => new Error('database exploded'))
    const response = await app.request('/upload', { method: 'POST' })
    expect(response.status).toBe(500)
    expect((await response.json()).error.code).toBe('internal_error')
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'error',
        msg: 'unhandled error',
        error: 'database exploded',
      }),
    ])
  })

  it('a 5xx the code chose is one warn line with its code and no stack', async () => {
    const { app, lines } = appThrowing(
      () => new ApiError('otp_delivery_unavailable', 503, 'The code could not be sent right now.'),
    )
    const response = await app.request('/upload', { method: 'POST' })
    expect(response.status).toBe(503)
    expect((await response.json()).error.code).toBe('otp_delivery_unavailable')
    expect(lines).toEqual([
      {
        level: 'warn',
        msg: 'request failed',
        time: expect.any(String) as unknown,
        errorCode: 'otp_delivery_unavailable',
        status: 503,
        error: 'The code could not be sent right now.',
      },
    ])
  })

  it.each([
    ['an aborted request signal', () => new Error('Malformed JSON in request body'), true],
    ['Node’s body stream error', () => withCode('aborted', 'Error', 'ECONNRESET'), false],
    [
      'Deno’s body stream error',
      () => withCode('Cannot read request body as underlying resource unavailable', 'BadResource'),
      false,
    ],
  ])('%s is a 499 logged at info', async (_name, error, abortSignal) => {
    const { app, lines } = appThrowing(error)
    const controller = new AbortController()
    if (abortSignal) controller.abort()
    const response = await app.request(
      new Request('http://localhost/upload', { method: 'POST', signal: controller.signal }),
    )
    expect(response.status).toBe(499)
    expect((await response.json()).error.code).toBe('client_closed_request')
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        msg: 'client closed the request before it was answered',
        path: '/upload',
      }),
    ])
  })
})
