/**
 * Writes src/modules/identity/model/phone-metadata.json: libphonenumber-js's `max` metadata
 * without what only formatting reads (each plan's number formats, national-prefix formatting rule and its
 * "optional when formatting" flag). Parsing, validity and the line type (mobile or fixed) read
 * none of them, and they were a quarter of the metadata's gzip in the Worker bundle (38 → 29
 * KiB). phone-metadata.test.ts fails when the committed file is not what this makes from the
 * installed libphonenumber-js, so an upgrade means running:
 *
 *   npx tsx src/runtime/node/phone-metadata-cli.ts
 */
import max from 'libphonenumber-js/metadata.max.json'

/** Positions in a plan's compressed array (libphonenumber-js source/metadata.js, v4 layout). */
const FORMATTING_ONLY = [
  4, // formats
  6, // national_prefix_formatting_rule
  9, // national_prefix_is_optional_when_formatting
]

type Plan = unknown[]

function strip(plan: Plan): Plan {
  const copy = [...plan]
  for (const index of FORMATTING_ONLY) if (index < copy.length) copy[index] = 0
  return copy
}

function stripAll(plans: Record<string, Plan>): Record<string, Plan> {
  return Object.fromEntries(Object.entries(plans).map(([key, plan]) => [key, strip(plan)]))
}

export function phoneMetadataJson(): string {
  const source = max as unknown as {
    countries: Record<string, Plan>
    nonGeographic: Record<string, Plan>
  }
  return `${JSON.stringify({
    ...max,
    countries: stripAll(source.countries),
    nonGeographic: stripAll(source.nonGeographic),
  })}\n`
}
