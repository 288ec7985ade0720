import { useEffect, useState } from 'preact/hooks'
import { ApiFailure, can } from '../../api/client.ts'
import { admin, type UserDetail } from '../../api/endpoints.ts'
import { formatPhone, t } from '../../i18n/index.ts'
import { confirmThen } from '../../ui/actions.ts'
import { CardHead, Empty, ErrorBox, Field, Loading } from '../../ui/components.tsx'
import { ListBody, ListPager, usePagedList } from '../../ui/list.tsx'
import { toast } from '../../ui/toast.tsx'
import { useLoad } from '../../ui/use-load.ts'
import { AuditTable } from '../audit-table.tsx'
import { ExportButton } from '../../ui/export-button.tsx'
import { RoleChecks } from './create.tsx'
import { useRoles } from './list.tsx'
import { TextInput } from '../../ui/inputs.tsx'

export function RolesCard({ user, onSaved }: { user: UserDetail; onSaved: () => void }) {
  const roles = useRoles()
  const [value, setValue] = useState(user.roleIds)
  const [error, setError] = useState<unknown>(null)
  useEffect(() => setValue(user.roleIds), [user.roleIds.join()])
  const changed = value.slice().sort().join() !== user.roleIds.slice().sort().join()
  return (
    <section class="card">
      <CardHead title={t('person.roles')} hint={t('person.rolesHint')} />
      <form
        class="body stack"
        onSubmit={async (e) => {
          e.preventDefault()
          setError(null)
          try {
            await admin.users.update(user.id, { roleIds: value })
            toast(t('person.rolesSaved'))
            onSaved()
          } catch (failure) {
            setError(failure)
          }
        }}
      >
        <fieldset disabled={!can('users:write')}>
          <RoleChecks roles={roles.data} value={value} onChange={setValue} legend={false} />
        </fieldset>
        {error ? <ErrorBox error={error} /> : null}
        {can('users:write') && (
          <div class="form-actions">
            <button class="btn primary" type="submit" disabled={!changed}>
              {t('common.save')}
            </button>
          </div>
        )}
      </form>
    </section>
  )
}

export function Forwarding({ user }: { user: UserDetail }) {
  const phone = user.phone
  const rules = useLoad(
    () =>
      phone && can('settings:read') ? admin.forwarding.list(phone) : Promise.resolve({ items: [] }),
    [phone],
  )
  const rule = rules.data?.items[0]
  const [email, setEmail] = useState('')
  const [note, setNote] = useState('')
  const [enabled, setEnabled] = useState(true)
  const [error, setError] = useState<unknown>(null)
  useEffect(() => {
    setEmail(rule?.email ?? user.email ?? '')
    setNote(rule?.note ?? '')
    setEnabled(rule?.enabled ?? true)
  }, [rule?.id, rule?.updatedAt])
  const writable = can('settings:write')
  const fieldError = (f: string) => (error instanceof ApiFailure ? error.fieldError(f) : undefined)
  return (
    <section class="card">
      <CardHead
        title={t('person.forwarding')}
        hint={phone ? t('person.forwardingHint', { phone: formatPhone(phone) }) : undefined}
      />
      {!phone ? (
        <div class="body muted">{t('person.forwardingNoPhone')}</div>
      ) : rules.error ? (
        <div class="body">
          <ErrorBox error={rules.error} onRetry={rules.reload} />
        </div>
      ) : !rules.data ? (
        <Loading />
      ) : (
        <form
          class="body stack"
          onSubmit={async (e) => {
            e.preventDefault()
            setError(null)
            try {
              if (rule) await admin.forwarding.update(rule.id, { email, note, enabled })
              else await admin.forwarding.create({ phone, email, note, enabled })
              toast(t('person.forwardSaved'))
              rules.reload()
            } catch (failure) {
              setError(failure)
            }
          }}
        >
          {!rule && (
            <p class="muted" style={{ margin: 0 }}>
              {t('person.forwardNone')}
            </p>
          )}
          <fieldset class="stack" disabled={!writable}>
            <Field label={t('person.forwardTo')} error={fieldError('email')}>
              <TextInput
                name="forwardEmail"
                type="email"
                required
                value={email}
                onValue={setEmail}
              />
            </Field>
            <Field label={t('person.forwardNote')} error={fieldError('note')}>
              <TextInput value={note} maxLength={500} onValue={setNote} />
            </Field>
            {rule && (
              <label class="check">
                <input
                  type="checkbox"
                  checked={enabled}
                  onChange={(e) => setEnabled((e.target as HTMLInputElement).checked)}
                />
                <span>{t('person.forwardOn')}</span>
              </label>
            )}
          </fieldset>
          {error && !(error instanceof ApiFailure && error.fields.length) ? (
            <ErrorBox error={error} />
          ) : null}
          {writable && (
            <div class="form-actions">
              <button class="btn primary" type="submit">
                {rule ? t('person.forwardSave') : t('person.forwardCreate')}
              </button>
              {rule && (
                <button
                  type="button"
                  class="btn danger"
                  onClick={() =>
                    confirmThen(
                      {
                        title: t('person.forwardRemoveConfirm'),
                        action: t('person.forwardRemove'),
                        danger: true,
                      },
                      async () => {
                        await admin.forwarding.remove(rule.id)
                        return t('person.forwardRemoved')
                      },
                      rules.reload,
                    )
                  }
                >
                  {t('person.forwardRemove')}
                </button>
              )}
            </div>
          )}
        </form>
      )}
    </section>
  )
}

export function AuditTrail({ userId }: { userId: string }) {
  const { list: entries, pager } = usePagedList(
    (cursor) =>
      can('audit:read')
        ? admin.audit({ targetId: userId, cursor, limit: 10 })
        : Promise.resolve({ items: [], nextCursor: null }),
    [userId],
  )
  return (
    <section class="card">
      <CardHead
        title={t('person.audit')}
        hint={t('person.auditHint')}
        actions={
          can('audit:read') && (
            <ExportButton
              small
              name={{ en: 'audit', ru: 'журнал' }}
              load={(language) => admin.auditExport({ targetId: userId, lang: language })}
            />
          )
        }
      />
      <ListBody list={entries} empty={<Empty icon="audit" title={t('audit.empty')} />}>
        <AuditTable items={entries.data?.items} loading={entries.loading} />
      </ListBody>
      <ListPager list={entries} pager={pager} />
    </section>
  )
}
