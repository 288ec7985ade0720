/**
 * The phone metadata as Node and Deno load it: phone-metadata.json, read with the code.
 *
 * normalize.ts imports it as `propusk/phone-metadata` (package.json exports, deno.json imports),
 * not by a relative path, so that the Worker build can put another module in its place
 * (wrangler.toml [alias] → src/runtime/workers/phone-metadata.ts). The JSON is a third of the
 * Worker script's gzip; the Worker fetches it from its static assets instead, once per isolate,
 * before it handles a request. A bare specifier is the one thing wrangler's alias can replace,
 * and swapping the module keeps the phone functions synchronous with no setter to forget in the
 * Node and Deno entries, tests and tools.
 */
import type { MetadataJson } from 'libphonenumber-js/core'
import metadata from './phone-metadata.json' with { type: 'json' }

const loaded = metadata as unknown as MetadataJson

/** The metadata every phone parse reads (always there on Node and Deno). */
export function phoneMetadata(): MetadataJson {
  return loaded
}
