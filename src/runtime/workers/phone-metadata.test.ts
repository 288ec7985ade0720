/**
 * The Worker's phone metadata module, against a fake assets binding: it loads the metadata once,
 * refuses anything that is not the metadata, retries after a failure, and parsing before a load
 * fails loudly instead of accepting numbers unchecked.
 */
import { readFile } from 'node:fs/promises'
import { beforeEach, describe, expect, it, vi } from 'vitest'

const json = await readFile(
  new URL('../../modules/identity/model/phone-metadata.json', import.meta.url),
  'utf8',
)

type Module = typeof import('./phone-metadata.ts')
let module: Module

beforeEach(async () => {
  // Fresh module state (what a new isolate has) for each case.
  vi.resetModules()
  module = await import('./phone-metadata.ts')
})

function assets(answers: Array<() => Response>) {
  const paths: string[] = []
  return {
    paths,
    fetch: async (request: Request) => {
      paths.push(new URL(request.url).pathname)
      const answer = answers.shift()
      if (!answer) throw new Error('unexpected fetch')
      return answer()
    },
  }
}

describe('phone metadata in the Worker', () => {
  it('is unavailable until loaded, then loaded once from the assets path', async () => {
    expect(() => module.phoneMetadata()).toThrow(module.PhoneMetadataUnavailable)
    const binding = assets([() => new Response(json)])
    await Promise.all([module.loadPhoneMetadata(binding), module.loadPhoneMetadata(binding)])
    await module.loadPhoneMetadata(binding)
    expect(binding.paths).toEqual(['/_propusk/phone-metadata.json'])
    expect(module.phoneMetadata()).toEqual(JSON.parse(json))
  })

  it.each([
    ['no binding', undefined],
    ['a 404', assets([() => new Response('Not Found', { status: 404 })])],
    ['not JSON', assets([() => new Response('{"version":4,')])],
    ['not metadata', assets([() => new Response('{"version":4,"countries":{}}')])],
    ['another version', assets([() => new Response(json.replace('"version":4', '"version":3'))])],
  ])('refuses %s', async (_, binding) => {
    await expect(module.loadPhoneMetadata(binding)).rejects.toBeInstanceOf(
      module.PhoneMetadataUnavailable,
    )
    expect(() => module.phoneMetadata()).toThrow(module.PhoneMetadataUnavailable)
  })

  it('tries again on the next request after a failure', async () => {
    const binding = assets([() => new Response('', { status: 503 }), () => new Response(json)])
    await expect(module.loadPhoneMetadata(binding)).rejects.toThrow('HTTP 503')
    await module.loadPhoneMetadata(binding)
    expect(module.phoneMetadata().countries.RU).toBeDefined()
  })
})
