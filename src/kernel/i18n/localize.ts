import { pickLang, type Lang } from './lang.ts'
import { ApiError, type FieldIssue } from '../errors.ts'
import { russianErrorMessages } from './ru-errors.ts'
import { russianFieldMessages } from './ru-fields.ts'

export type { Lang }

/**
 * The language of an error answer: Russian when Accept-Language prefers it to English, else
 * English, the default for API clients that send nothing. Codes never change with it.
 */
export const errorLang = (acceptLanguage: string | undefined): Lang => pickLang(acceptLanguage)

/** A field problem in `lang`; one without a known code keeps the message its check wrote. */
export function localizeIssue(issue: FieldIssue, lang: Lang): FieldIssue {
  if (lang === 'en' || !issue.code) return issue
  const say = russianFieldMessages[issue.code]
  return say ? { ...issue, message: say(issue.params ?? {}) } : issue
}

export const localizeIssues = (issues: FieldIssue[], lang: Lang): FieldIssue[] =>
  issues.map((issue) => localizeIssue(issue, lang))

/**
 * The same error told in `lang`: the code's own Russian message (a plugin's registered one
 * first), and every field problem. In English the error is returned as it was thrown.
 */
export function localizeError(
  error: ApiError,
  lang: Lang,
  registered?: (code: string) => string | undefined,
): ApiError {
  if (lang === 'en') return error
  const message = registered?.(error.code) ?? russianErrorMessages[error.code] ?? error.message
  const fields = error.details?.fields
  const details = fields
    ? { ...error.details, fields: localizeIssues(fields, lang) }
    : error.details
  // A copy of an error already built from its table, in another language.
  return new ApiError(error.code, error.status, message, details)
}
