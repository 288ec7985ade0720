import { useState } from 'preact/hooks'
import { useLocation, useRoute } from 'preact-iso'
import { ApiFailure, can, session } from '../../api/client.ts'
import { admin, type UserDetail } from '../../api/endpoints.ts'
import { formatDateTime, formatPhone, t } from '../../i18n/index.ts'
import { Empty, ErrorBox, Field, Loading, PageHead, StatusBadge } from '../../ui/components.tsx'
import { askDelete, confirmThen } from '../../ui/actions.ts'
import { Modal } from '../../ui/dialog.tsx'
import { toast } from '../../ui/toast.tsx'
import { useLoad } from '../../ui/use-load.ts'
import { AuditTrail, Forwarding, RolesCard } from './person-sections.tsx'
import { InvitationCard } from './invitation-card.tsx'
import { AccessCard } from './access-card.tsx'
import { BlockDetails, BlockPersonDialog } from './block-person.tsx'
import { SessionsCard } from './sessions-card.tsx'
import { DuplicateNotice } from './duplicate-notice.tsx'
import { TextInput } from '../../ui/inputs.tsx'
import { MessageLocaleField } from './message-locale.tsx'

function EditDialog(props: {
  user: UserDetail
  open: boolean
  onClose: () => void
  onSaved: () => void
}) {
  const { user } = props
  const [name, setName] = useState(user.displayName)
  const [phone, setPhone] = useState(user.phone ?? '')
  const [email, setEmail] = useState(user.email ?? '')
  const [locale, setLocale] = useState(user.locale)
  const [error, setError] = useState<unknown>(null)
  const fieldError = (f: string) => (error instanceof ApiFailure ? error.fieldError(f) : undefined)
  return (
    <Modal open={props.open} onClose={props.onClose} labelledBy="edit-title">
      <form
        onSubmit={async (e) => {
          e.preventDefault()
          setError(null)
          try {
            await admin.users.update(user.id, {
              displayName: name,
              phone: phone.trim() || null,
              email: email.trim() || null,
              locale,
            })
            toast(t('common.saved'))
            props.onSaved()
            props.onClose()
          } catch (failure) {
            setError(failure)
          }
        }}
      >
        <div class="dialog-body stack">
          <h2 id="edit-title">{t('person.editTitle')}</h2>
          <Field label={t('create.name')} error={fieldError('displayName')}>
            <TextInput value={name} required onValue={setName} />
          </Field>
          <Field label={t('create.phone')} error={fieldError('phone')}>
            <TextInput type="tel" value={phone} onValue={setPhone} />
          </Field>
          <Field label={t('create.email')} error={fieldError('email')}>
            <TextInput type="email" value={email} onValue={setEmail} />
          </Field>
          <MessageLocaleField value={locale} onChange={setLocale} error={fieldError('locale')} />
          <DuplicateNotice error={error} />
          {error && !(error instanceof ApiFailure && error.fields.length) ? (
            <ErrorBox error={error} />
          ) : null}
        </div>
        <footer>
          <button type="button" class="btn" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" class="btn primary">
            {t('common.save')}
          </button>
        </footer>
      </form>
    </Modal>
  )
}

export function Person() {
  const { params } = useRoute()
  const location = useLocation()
  const id = params.id ?? ''
  const user = useLoad(() => admin.users.get(id), [id])
  const [editing, setEditing] = useState(false)
  const [blocking, setBlocking] = useState(false)
  const writable = can('users:write')
  const self = session.value?.user.id === id

  if (user.error) {
    return user.error instanceof ApiFailure && user.error.status === 404 ? (
      <div class="card">
        <Empty icon="search" title={t('common.notFound')} text={t('common.notFoundText')}>
          <a class="btn" href="/admin/people">
            {t('people.title')}
          </a>
        </Empty>
      </div>
    ) : (
      <ErrorBox error={user.error} onRetry={user.reload} />
    )
  }
  const u = user.data
  if (!u) return <Loading />

  const block = () => setBlocking(true)
  const unblock = () =>
    confirmThen(
      null,
      async () => {
        await admin.users.unblock(u.id)
        return t('person.unblocked', { name: u.displayName })
      },
      user.reload,
    )
  const reset = () =>
    confirmThen(
      {
        title: t('person.resetConfirm', { name: u.displayName }),
        text: t('person.resetText'),
        action: t('person.reset'),
      },
      async () => {
        await admin.users.passwordReset(u.id)
        return t('person.resetSent')
      },
      user.reload,
    )
  const remove = () =>
    confirmThen(
      askDelete(t('person.deleteConfirm', { name: u.displayName }), t('person.deleteText')),
      async () => {
        await admin.users.remove(u.id)
        return t('person.deleted', { name: u.displayName })
      },
      () => location.route(`/admin/people${u.kind === 'customer' ? '?kind=customer' : ''}`),
    )

  return (
    <>
      <PageHead
        title={u.displayName}
        crumbs={
          <a href={`/admin/people${u.kind === 'customer' ? '?kind=customer' : ''}`}>
            {t('people.title')} ·{' '}
            {t(u.kind === 'customer' ? 'people.customers' : 'people.employees')}
          </a>
        }
        actions={
          writable &&
          !self && (
            <>
              {u.status === 'active' && (
                <button class="btn" onClick={reset}>
                  {t('person.reset')}
                </button>
              )}
              {u.status === 'blocked' ? (
                <button class="btn" onClick={unblock}>
                  {t('person.unblock')}
                </button>
              ) : (
                <button class="btn danger" onClick={block}>
                  {t('person.block')}
                </button>
              )}
              <button class="btn danger" onClick={remove}>
                {t('common.delete')}
              </button>
            </>
          )
        }
      />
      <div class="stack">
        <div class="grid-2">
          <section class="card">
            <header>
              <h2>{t('person.details')}</h2>
              {writable && (
                <button class="btn small" onClick={() => setEditing(true)}>
                  {t('common.edit')}
                </button>
              )}
            </header>
            <dl class="body dl">
              <dt>{t('people.status')}</dt>
              <dd>
                <StatusBadge prefix="status" value={u.status} />
              </dd>
              <BlockDetails user={u} />
              <dt>{t('person.kind')}</dt>
              <dd>{t(`kind.${u.kind}`)}</dd>
              <dt>{t('person.phone')}</dt>
              <dd>{formatPhone(u.phone) || t('common.none')}</dd>
              <dt>{t('person.email')}</dt>
              <dd>{u.email ?? t('common.none')}</dd>
              <dt>{t('locale.label')}</dt>
              <dd>{t(`locale.${u.locale ?? 'auto'}`)}</dd>
              <dt>{t('person.created')}</dt>
              <dd>{formatDateTime(u.createdAt)}</dd>
              <dt>{t('person.activated')}</dt>
              <dd>{formatDateTime(u.activatedAt)}</dd>
              <dt>{t('person.lastSignIn')}</dt>
              <dd>{u.lastSignInAt ? formatDateTime(u.lastSignInAt) : t('people.never')}</dd>
              <dt>{t('person.id')}</dt>
              <dd class="mono">{u.id}</dd>
            </dl>
          </section>
          <RolesCard user={u} onSaved={user.reload} />
        </div>
        <div class="grid-2">
          <InvitationCard user={u} onChanged={user.reload} />
          <AccessCard user={u} />
        </div>
        <Forwarding user={u} />
        <SessionsCard user={u} onChanged={user.reload} />
        <AuditTrail userId={u.id} />
      </div>
      {blocking && (
        <BlockPersonDialog user={u} onClose={() => setBlocking(false)} onDone={user.reload} />
      )}
      {editing && (
        <EditDialog
          user={u}
          open={editing}
          onClose={() => setEditing(false)}
          onSaved={user.reload}
        />
      )}
    </>
  )
}
