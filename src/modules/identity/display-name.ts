import * as z from 'zod'

/** C0 controls and DEL: invisible in lists, able to break CSV exports, logs and SMS texts. */
const controlCharacters = /[\u0000-\u001F\u007F]/

export const hasControlCharacters = (value: string): boolean => controlCharacters.test(value)

export const DISPLAY_NAME_MAX = 200

/**
 * A person's display name wherever one is set (admin API, CSV import, first administrator,
 * registration): trimmed, 1–200 characters, no control characters (refused rather than
 * silently stripped, so what the admin typed is what is stored).
 */
export const displayNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(DISPLAY_NAME_MAX)
  .refine((value) => !hasControlCharacters(value), {
    message: 'must not contain control characters (U+0000–U+001F, U+007F)',
  })
  // zod's own metadata, which the OpenAPI generator reads: `.openapi()` exists only on schemas
  // built after @hono/zod-openapi loads, and this module may load first.
  .meta({ example: 'Иван Петров' })
