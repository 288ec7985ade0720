import { ApiFailure } from '../../api/client.ts'
import { admin } from '../../api/endpoints.ts'
import { t } from '../../i18n/index.ts'
import { useLoad } from '../../ui/use-load.ts'

const takenCodes = ['phone_taken', 'email_taken', 'logins_taken']

/** The id of the person who already has the phone or e-mail, from a 409 of the admin API. */
export function existingPersonOf(error: unknown): string | null {
  if (!(error instanceof ApiFailure) || !takenCodes.includes(error.code)) return null
  const detail = error.body.error as { existingUserId?: unknown } | undefined
  return typeof detail?.existingUserId === 'string' ? detail.existingUserId : null
}

/**
 * "This phone already belongs to Ivan Petrov. Open their page": a duplicate is usually the same
 * person added twice, so the admin is sent to the existing one instead of to a dead end.
 */
export function DuplicateNotice({ error }: { error: unknown }) {
  const id = existingPersonOf(error)
  const person = useLoad(() => (id ? admin.users.get(id) : Promise.resolve(null)), [id])
  if (!id || !(error instanceof ApiFailure)) return null
  const name = person.data?.displayName ?? t('dup.someone')
  const key =
    error.code === 'logins_taken'
      ? 'dup.both'
      : error.code === 'email_taken'
        ? 'dup.email'
        : 'dup.phone'
  return (
    <div class="alert info duplicate" role="alert">
      <span>{t(key, { name })}</span>
      <a class="btn small" href={`/admin/people/${id}`}>
        {t('dup.open')}
      </a>
    </div>
  )
}
