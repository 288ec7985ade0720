import { describe, expect, it } from 'vitest'
import { ApiError, ErrorRegistry, coreError, errorsFrom } from './errors.ts'

const table = {
  thing_taken: { status: 409, message: 'Another thing has this name.' },
  thing_gone: { status: 410, message: 'The thing is gone.' },
} as const

describe('errorsFrom', () => {
  const thingError = errorsFrom(table)

  it('takes the status and the default message from the table', () => {
    const error = thingError('thing_gone')
    expect(error).toBeInstanceOf(ApiError)
    expect(error.toJSON()).toEqual({ error: { code: 'thing_gone', message: 'The thing is gone.' } })
    expect(error.status).toBe(410)
  })

  it('keeps a given message and details, and the status still comes from the table', () => {
    const error = thingError('thing_taken', 'The name "x" is taken.', { existingId: 'x1' })
    expect(error.status).toBe(409)
    expect(error.toJSON('req-1')).toEqual({
      error: {
        code: 'thing_taken',
        message: 'The name "x" is taken.',
        existingId: 'x1',
        requestId: 'req-1',
      },
    })
  })

  it('builds core codes and registered codes alike', () => {
    const registry = new ErrorRegistry()
    registry.register('things', table)
    expect(registry.error('thing_taken', undefined, { a: 1 })).toEqual(
      thingError('thing_taken', undefined, { a: 1 }),
    )
    expect(registry.error('rate_limited').toJSON()).toEqual(coreError('rate_limited').toJSON())
    expect(coreError('rate_limited').status).toBe(429)
    expect(() => registry.error('never_registered')).toThrow(/Unregistered/)
  })
})
