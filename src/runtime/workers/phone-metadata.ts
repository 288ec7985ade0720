/**
 * The phone metadata in the Worker: what `propusk/phone-metadata` resolves to in the Worker build
 * (wrangler.toml [alias]; Node and Deno get src/modules/identity/model/phone-metadata.ts).
 *
 * The metadata (phone-metadata.json) would be ~29 KiB of the script's gzip, so it is served from
 * the Worker's static assets instead (admin-ui/ensure-built.mjs copies it into dist/console) and
 * read once per isolate. index.ts awaits `loadPhoneMetadata` before the app handles its first
 * request, so parsing stays synchronous. Until it has loaded, `phoneMetadata()` throws rather
 * than letting a number through unchecked; the entry never gets there (it answers 503 first).
 */
import type { MetadataJson } from 'libphonenumber-js/core'
import type { AssetsBinding } from '../../api/console/index.ts'

/** Where the assets binding serves it: wrangler.toml [assets] directory + this path. */
export const phoneMetadataAssetPath = '/_propusk/phone-metadata.json'

/** The asset is missing, unreadable or not phone metadata: the Worker answers 503. */
export class PhoneMetadataUnavailable extends Error {
  override readonly name = 'PhoneMetadataUnavailable'
}

let loaded: MetadataJson | undefined

export function phoneMetadata(): MetadataJson {
  if (!loaded) throw new PhoneMetadataUnavailable('phone metadata is not loaded yet')
  return loaded
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The shape libphonenumber-js reads (v4 layout); anything else is refused, not half-used. */
function asMetadata(value: unknown): MetadataJson {
  if (
    !isRecord(value) ||
    value.version !== 4 ||
    !isRecord(value.country_calling_codes) ||
    !isRecord(value.countries) ||
    !Array.isArray(value.countries.RU)
  ) {
    throw new PhoneMetadataUnavailable(`${phoneMetadataAssetPath} is not phone metadata (v4)`)
  }
  return value as unknown as MetadataJson
}

async function fetchMetadata(assets: AssetsBinding | undefined): Promise<void> {
  if (!assets || typeof assets.fetch !== 'function') {
    throw new PhoneMetadataUnavailable('no ASSETS binding (wrangler.toml [assets])')
  }
  const response = await assets.fetch(
    new Request(new URL(phoneMetadataAssetPath, 'https://assets.invalid')),
  )
  if (!response.ok) {
    throw new PhoneMetadataUnavailable(`${phoneMetadataAssetPath}: HTTP ${response.status}`)
  }
  let parsed: unknown
  try {
    parsed = await response.json()
  } catch (error) {
    throw new PhoneMetadataUnavailable(`${phoneMetadataAssetPath} is not JSON`, { cause: error })
  }
  loaded = asMetadata(parsed)
}

let loading: Promise<void> | undefined

/**
 * Loads the metadata once per isolate; concurrent first requests share one fetch. A failure is
 * not cached, so the next request tries again (e.g. during a deploy's rollout).
 */
export function loadPhoneMetadata(assets: AssetsBinding | undefined): Promise<void> {
  if (loaded) return Promise.resolve()
  loading ??= fetchMetadata(assets).catch((error: unknown) => {
    loading = undefined
    throw error
  })
  return loading
}
