import { admin, type UserDetail } from '../../api/endpoints.ts'
import { formatDateTime, t, tn } from '../../i18n/index.ts'
import { toast } from '../../ui/toast.tsx'
import { ActionDialog, useBlockForm } from './action-dialog.tsx'

/** Blocking one person: an optional reason and end, then their sessions end. */
export function BlockPersonDialog(props: {
  user: UserDetail
  onClose: () => void
  onDone: () => void
}) {
  const { user } = props
  const form = useBlockForm()
  return (
    <ActionDialog
      title={t('person.blockConfirm', { name: user.displayName })}
      text={t('person.blockText')}
      action={t('person.block')}
      danger
      onClose={props.onClose}
      onSubmit={async () => {
        const body = form.body()
        if (!body) return false
        const answer = await admin.users.block(user.id, body)
        toast(tn('person.blocked', answer.sessionsEnded, { name: user.displayName }))
        props.onDone()
      }}
    >
      {form.fields}
    </ActionDialog>
  )
}

/** The block's reason and end in the person's details, while they are blocked. */
export function BlockDetails({ user }: { user: UserDetail }) {
  if (user.status !== 'blocked') return null
  return (
    <>
      <dt>{t('block.reasonShown')}</dt>
      <dd>{user.blockedReason ?? t('common.none')}</dd>
      <dt>{t('block.untilShown')}</dt>
      <dd>{user.blockedUntil ? formatDateTime(user.blockedUntil) : t('block.forever')}</dd>
    </>
  )
}
