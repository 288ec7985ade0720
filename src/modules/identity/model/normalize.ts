/**
 * Login normalisation: phones to E.164, e-mails to one canonical lower-case form. Every place
 * that stores or looks up a login goes through here, so `8 916 123-45-67` and `+79161234567`
 * are the same person.
 *
 * Phones use libphonenumber-js's `max` metadata because only it tells mobile from fixed-line
 * numbers, which the one-time-code methods need (R3, R6); phone-metadata.json is that metadata
 * without its formatting rules (see phone-metadata.gen.ts); the Worker loads it from its static
 * assets instead of carrying it in the script (see phone-metadata.ts). Propusk stores and
 * compares E.164 only, so nothing formats a number: formatting calls on these parsed numbers
 * would come back unformatted.
 */
import {
  parsePhoneNumberFromString as parseWithMetadata,
  type CountryCode,
} from 'libphonenumber-js/core'
import { phoneMetadata } from 'propusk/phone-metadata'
import * as z from 'zod'
import type { ParsedLogin } from '../../../kernel/types.ts'

export type PhoneLineType = 'mobile' | 'fixed-line' | 'fixed-line-or-mobile' | 'other' | 'unknown'

export type PhoneResult =
  | {
      ok: true
      /** E.164, e.g. `+79161234567`. */
      e164: string
      /** ISO 3166-1 alpha-2 of the number, when known. */
      country: string | null
      lineType: PhoneLineType
      /** True for mobile numbers and for plans where mobile and fixed cannot be told apart (US). */
      isMobile: boolean
    }
  | { ok: false; reason: 'empty' | 'not_a_number' | 'invalid' }

export type EmailResult = { ok: true; email: string } | { ok: false; reason: 'empty' | 'invalid' }

const emailSchema = z.email()

function lineTypeOf(type: string | undefined): PhoneLineType {
  switch (type) {
    case 'MOBILE':
      return 'mobile'
    case 'FIXED_LINE':
      return 'fixed-line'
    case 'FIXED_LINE_OR_MOBILE':
      return 'fixed-line-or-mobile'
    case undefined:
      return 'unknown'
    default:
      return 'other'
  }
}

/**
 * Parses a phone in any common notation (`8 916 123-45-67`, `+7 (916) 123-45-67`, `9161234567`)
 * with `defaultCountry` for numbers written without a country code. Only numbers that are valid
 * in their country's numbering plan pass.
 */
export function normalizePhone(input: string, defaultCountry = 'RU'): PhoneResult {
  const text = input.normalize('NFKC').trim()
  if (text === '') return { ok: false, reason: 'empty' }
  // Letters are not part of any phone we accept (vanity numbers are not logins).
  if (!/^[+\d\s().\-]+$/.test(text)) return { ok: false, reason: 'not_a_number' }
  const parsed = parseWithMetadata(text, defaultCountry as CountryCode, phoneMetadata())
  if (!parsed) return { ok: false, reason: 'not_a_number' }
  if (!parsed.isValid()) return { ok: false, reason: 'invalid' }
  const lineType = lineTypeOf(parsed.getType())
  return {
    ok: true,
    e164: parsed.number,
    country: parsed.country ?? null,
    lineType,
    isMobile: lineType === 'mobile' || lineType === 'fixed-line-or-mobile',
  }
}

/**
 * Trims, applies NFKC and lower-cases the whole address. Lower-casing the local part is not
 * RFC-correct in theory, but no provider we deliver to treats case as significant, and it makes
 * `Ivan@Example.com` and `ivan@example.com` one login (unique case-insensitively).
 */
export function normalizeEmail(input: string): EmailResult {
  const email = input.normalize('NFKC').trim().toLowerCase()
  if (email === '') return { ok: false, reason: 'empty' }
  if (email.length > 254 || !emailSchema.safeParse(email).success) {
    return { ok: false, reason: 'invalid' }
  }
  return { ok: true, email }
}

// Defined in the kernel: the plugin contract's `offeredAt` hook receives one.
export type { ParsedLogin }

/** A login is an e-mail when it has an `@`, otherwise a phone; null when it is neither. */
export function parseLogin(login: string, defaultCountry = 'RU'): ParsedLogin | null {
  if (login.includes('@')) {
    const email = normalizeEmail(login)
    return email.ok ? { kind: 'email', value: email.email } : null
  }
  const phone = normalizePhone(login, defaultCountry)
  return phone.ok ? { kind: 'phone', value: phone.e164 } : null
}

/** Human text for a failed phone, for field errors. */
export function phoneProblem(reason: Extract<PhoneResult, { ok: false }>['reason']): string {
  return reason === 'empty'
    ? 'Enter a phone number.'
    : 'Not a valid phone number; write it with the country code, e.g. +7 916 123-45-67.'
}

export function emailProblem(reason: Extract<EmailResult, { ok: false }>['reason']): string {
  return reason === 'empty' ? 'Enter an e-mail address.' : 'Not a valid e-mail address.'
}

/** The stable field-issue code of a failed phone or e-mail (see src/kernel/i18n/ru-fields.ts). */
export function loginProblemCode(login: 'phone' | 'email', reason: string): string {
  return `${login}_${reason === 'empty' ? 'required' : 'invalid'}`
}
