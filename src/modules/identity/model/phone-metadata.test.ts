/**
 * The trimmed phone metadata (phone-metadata.json) is current and parses exactly as the full
 * `max` metadata does: same E.164, country, validity and line type, for every country's example
 * mobile number in three notations and for random digit strings of every plan's lengths.
 */
import {
  parsePhoneNumberFromString as parseCore,
  type CountryCode,
  type MetadataJson,
} from 'libphonenumber-js/core'
import examples from 'libphonenumber-js/examples.mobile.json'
import { parsePhoneNumberFromString as parseMax, getCountries } from 'libphonenumber-js/max'
import { describe, expect, it } from 'vitest'
import { phoneMetadataJson } from './phone-metadata.gen.ts'
import committed from './phone-metadata.json' with { type: 'json' }

const trimmed = committed as unknown as MetadataJson

function outcome(parsed: ReturnType<typeof parseMax>) {
  if (!parsed) return null
  return {
    number: parsed.number,
    country: parsed.country,
    valid: parsed.isValid(),
    possible: parsed.isPossible(),
    type: parsed.getType(),
  }
}

/** A small deterministic generator, so a failure names inputs that reproduce. */
function digits(seed: number): () => string {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return String(state % 10)
  }
}

describe('phone metadata without formatting rules', () => {
  it('is what phone-metadata.gen.ts makes from the installed libphonenumber-js', () => {
    expect(`${JSON.stringify(committed)}\n`).toBe(phoneMetadataJson())
  })

  it('parses like the max metadata', () => {
    const inputs: Array<[string, CountryCode]> = []
    const next = digits(7)
    for (const country of getCountries()) {
      const example = (examples as Record<string, string>)[country]
      if (example) {
        const phone = parseMax(example, country)
        if (phone) {
          inputs.push([phone.number, country])
          inputs.push([phone.formatNational(), country])
          inputs.push([phone.formatInternational(), 'RU'])
        }
      }
      for (let i = 0; i < 20; i++) {
        const length = 6 + (i % 7)
        inputs.push([Array.from({ length }, next).join(''), country])
        inputs.push([`0${Array.from({ length }, next).join('')}`, country])
      }
    }
    for (const text of [
      '8 916 123-45-67',
      '+7 (495) 123-45-67',
      '8 800 555-35-35',
      '810 1 212 555 0100',
    ])
      inputs.push([text, 'RU'])
    expect(inputs.length).toBeGreaterThan(10_000)
    const differences = inputs.filter(
      ([text, country]) =>
        JSON.stringify(outcome(parseCore(text, country, trimmed))) !==
        JSON.stringify(outcome(parseMax(text, country))),
    )
    expect(differences).toEqual([])
    // The check sees real differences: the full metadata says some of these are valid.
    expect(inputs.filter(([t, c]) => parseMax(t, c)?.isValid()).length).toBeGreaterThan(1_000)
  })
})
