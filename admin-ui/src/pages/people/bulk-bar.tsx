import { useState } from 'preact/hooks'
import { admin, type BulkInput, type BulkResult } from '../../api/endpoints.ts'
import type { Role, User } from '../../api/types.ts'
import { errorText, roleName, t } from '../../i18n/index.ts'
import { Field } from '../../ui/components.tsx'
import { Modal } from '../../ui/dialog.tsx'
import { toast } from '../../ui/toast.tsx'
import { ActionDialog, useBlockForm } from './action-dialog.tsx'
import { ChannelSelect } from './invitation-card.tsx'

type Action = BulkInput['action']

/** What went wrong for whom, by name, after a bulk action that was not done for everyone. */
function FailuresDialog(props: {
  failures: BulkResult[]
  names: Map<string, string>
  onClose: () => void
}) {
  return (
    <Modal open onClose={props.onClose} labelledBy="failures-title">
      <div class="dialog-body stack">
        <h2 id="failures-title">{t('bulk.failures')}</h2>
        <ul>
          {props.failures.map((f) => (
            <li key={f.userId}>
              <strong>{props.names.get(f.userId) ?? f.userId}</strong>:{' '}
              {errorText(f.code ?? '', f.message ?? '')}
            </li>
          ))}
        </ul>
      </div>
      <footer>
        <button class="btn primary" onClick={props.onClose}>
          {t('common.close')}
        </button>
      </footer>
    </Modal>
  )
}

/** Actions on the selected people: one request per action, a result for each person. */
export function BulkBar(props: {
  selected: User[]
  roles: Role[] | undefined
  onClear: () => void
  onDone: () => void
}) {
  const [action, setAction] = useState<Action | null>(null)
  const [roleId, setRoleId] = useState('')
  const [channel, setChannel] = useState<'sms' | 'email' | ''>('')
  const [failures, setFailures] = useState<{ results: BulkResult[]; names: Map<string, string> }>()
  const blockForm = useBlockForm()
  const names = new Map(props.selected.map((u) => [u.id, u.displayName]))
  const userIds = props.selected.map((u) => u.id)

  async function run(body: BulkInput) {
    const answer = await admin.users.bulk(body)
    toast(
      t('bulk.result', { done: answer.done, failed: answer.failed }),
      answer.failed ? 'error' : 'info',
    )
    const failed = answer.results.filter((r) => r.status === 'failed')
    // Names kept now: the selection is cleared once the list reloads.
    if (failed.length) setFailures({ results: failed, names })
    props.onDone()
  }

  const close = () => setAction(null)
  const grantable = props.roles ?? []
  return (
    <div
      class="bulk-bar"
      role="region"
      aria-label={t('bulk.selected', { n: props.selected.length })}
    >
      <strong>{t('bulk.selected', { n: props.selected.length })}</strong>
      <button class="btn small" onClick={() => setAction('assign_role')}>
        {t('bulk.assign')}
      </button>
      <button class="btn small" onClick={() => setAction('resend_invitation')}>
        {t('bulk.resend')}
      </button>
      <button class="btn small danger" onClick={() => setAction('block')}>
        {t('bulk.block')}
      </button>
      <button class="btn small ghost" onClick={props.onClear}>
        {t('bulk.clear')}
      </button>
      {action === 'block' && (
        <ActionDialog
          title={t('bulk.blockTitle')}
          text={t('person.blockText')}
          action={t('bulk.block')}
          danger
          onClose={close}
          onSubmit={async () => {
            const body = blockForm.body()
            if (!body) return false
            await run({ action: 'block', userIds, ...body })
          }}
        >
          {blockForm.fields}
        </ActionDialog>
      )}
      {action === 'resend_invitation' && (
        <ActionDialog
          title={t('bulk.resendTitle')}
          action={t('bulk.resend')}
          onClose={close}
          onSubmit={() =>
            run({ action: 'resend_invitation', userIds, ...(channel ? { channel } : {}) })
          }
        >
          <ChannelSelect value={channel} onChange={setChannel} auto />
        </ActionDialog>
      )}
      {action === 'assign_role' && (
        <ActionDialog
          title={t('bulk.roleTitle')}
          action={t('bulk.assign')}
          onClose={close}
          onSubmit={() =>
            run({ action: 'assign_role', userIds, roleId: roleId || grantable[0]?.id || '' })
          }
        >
          <Field label={t('people.role')}>
            <select
              name="roleId"
              value={roleId || grantable[0]?.id}
              onChange={(e) => setRoleId((e.target as HTMLSelectElement).value)}
            >
              {grantable.map((role) => (
                <option key={role.id} value={role.id}>
                  {roleName(role)}
                </option>
              ))}
            </select>
          </Field>
        </ActionDialog>
      )}
      {failures && (
        <FailuresDialog
          failures={failures.results}
          names={failures.names}
          onClose={() => setFailures(undefined)}
        />
      )}
    </div>
  )
}
