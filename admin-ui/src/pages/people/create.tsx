import { useEffect, useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { ApiFailure } from '../../api/client.ts'
import { DuplicateNotice } from './duplicate-notice.tsx'
import { admin } from '../../api/endpoints.ts'
import type { Role, UserKind } from '../../api/types.ts'
import { formatPhone, roleDescription, roleName, t } from '../../i18n/index.ts'
import { ErrorBox, Field, PageHead } from '../../ui/components.tsx'
import { toast } from '../../ui/toast.tsx'
import { useRoles } from './list.tsx'
import { TextInput } from '../../ui/inputs.tsx'
import { MessageLocaleField, type MessageLocale } from './message-locale.tsx'

const defaultRole: Record<UserKind, string> = {
  employee: 'role_field_employee',
  customer: 'role_customer',
}

export function RoleChecks(props: {
  roles: Role[] | undefined
  value: string[]
  onChange: (ids: string[]) => void
  error?: string | undefined
  legend?: boolean
}) {
  return (
    <fieldset class="field">
      <legend class={props.legend === false ? 'sr-only' : ''}>{t('create.roles')}</legend>
      <div class="checks">
        {props.roles?.map((role) => (
          <label key={role.id} class="check">
            <input
              type="checkbox"
              checked={props.value.includes(role.id)}
              onChange={(e) =>
                props.onChange(
                  (e.target as HTMLInputElement).checked
                    ? [...props.value, role.id]
                    : props.value.filter((id) => id !== role.id),
                )
              }
            />
            <span>
              {roleName(role)}
              {role.description && <small>{roleDescription(role)}</small>}
            </span>
          </label>
        ))}
      </div>
      {props.error && <span class="error">{props.error}</span>}
    </fieldset>
  )
}

export function CreatePerson() {
  const location = useLocation()
  const [kind, setKind] = useState<UserKind>(
    location.query.kind === 'customer' ? 'customer' : 'employee',
  )
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [email, setEmail] = useState('')
  const [roleIds, setRoleIds] = useState<string[]>([defaultRole[kind]])
  const [locale, setLocale] = useState<MessageLocale>(null)
  const [invite, setInvite] = useState(true)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const roles = useRoles()
  useEffect(() => setRoleIds([defaultRole[kind]]), [kind])
  // Checked here first, so an obviously incomplete form gets words in the admin's language.
  const [missing, setMissing] = useState<Record<string, string>>({})
  const fieldError = (field: string) =>
    missing[field] ?? (error instanceof ApiFailure ? error.fieldError(field) : undefined)
  const checkRequired = () => {
    const found: Record<string, string> = {}
    if (!name.trim()) found.displayName = t('create.nameRequired')
    if (!phone.trim() && !email.trim()) found.phone = t('create.loginRequired')
    setMissing(found)
    const first = Object.keys(found)[0]
    if (first) document.querySelector<HTMLInputElement>(`[name=${first}]`)?.focus()
    return !first
  }
  const fieldsShown = ['displayName', 'phone', 'email', 'roleIds', 'kind', 'locale']
  const otherError =
    error &&
    !(
      error instanceof ApiFailure &&
      error.fields.some((f) => fieldsShown.includes(f.field.split('.')[0] ?? ''))
    )

  return (
    <>
      <PageHead
        title={t('create.title')}
        subtitle={t('create.subtitle')}
        crumbs={<a href="/admin/people">{t('people.title')}</a>}
      />
      <div class="card">
        <form
          class="body form"
          noValidate
          onSubmit={async (event) => {
            event.preventDefault()
            setError(null)
            if (!checkRequired()) return
            setBusy(true)
            try {
              const created = await admin.users.create({
                kind,
                displayName: name,
                phone: phone.trim() || null,
                email: email.trim() || null,
                roleIds,
                locale,
                sendInvitation: invite,
              })
              toast(t('create.done', { name: created.user.displayName }))
              const outcome = created.invitation
              if (outcome.status === 'sent' && outcome.invitation) {
                toast(t('create.inviteSent', { to: formatPhone(outcome.invitation.sentTo) }))
              } else if (outcome.status === 'failed') {
                toast(t('create.inviteFailed', { message: outcome.error?.message ?? '' }), 'error')
              }
              location.route(`/admin/people/${created.user.id}`)
            } catch (failure) {
              setError(failure)
            } finally {
              setBusy(false)
            }
          }}
        >
          <fieldset class="field">
            <legend>{t('create.kind')}</legend>
            <div class="segmented" role="group" style={{ maxWidth: '320px' }}>
              {(['employee', 'customer'] as const).map((k) => (
                <button key={k} type="button" aria-pressed={kind === k} onClick={() => setKind(k)}>
                  {t(`kind.${k}`)}
                </button>
              ))}
            </div>
          </fieldset>
          <Field label={t('create.name')} error={fieldError('displayName')}>
            <TextInput name="displayName" required autoFocus value={name} onValue={setName} />
          </Field>
          <div class="form-row">
            <Field
              label={t('create.phone')}
              hint={t('create.phoneHint')}
              error={fieldError('phone')}
            >
              <TextInput name="phone" type="tel" value={phone} onValue={setPhone} />
            </Field>
            <Field
              label={t('create.email')}
              hint={t('create.loginHint')}
              error={fieldError('email')}
            >
              <TextInput name="email" type="email" value={email} onValue={setEmail} />
            </Field>
          </div>
          <DuplicateNotice error={error} />
          <RoleChecks
            roles={roles.data}
            value={roleIds}
            onChange={setRoleIds}
            error={fieldError('roleIds')}
          />
          <MessageLocaleField value={locale} onChange={setLocale} error={fieldError('locale')} />
          <label class="check" style={{ maxWidth: '360px' }}>
            <input
              type="checkbox"
              checked={invite}
              onChange={(e) => setInvite((e.target as HTMLInputElement).checked)}
            />
            <span>{t('create.invite')}</span>
          </label>
          {otherError ? <ErrorBox error={error} /> : null}
          <div class="form-actions">
            <button class="btn primary" type="submit" disabled={busy}>
              {t('create.submit')}
            </button>
            <a class="btn ghost" href="/admin/people">
              {t('common.cancel')}
            </a>
          </div>
        </form>
      </div>
    </>
  )
}
