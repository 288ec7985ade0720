import { RoleHolders } from './roles-holders.tsx'
import { useEffect, useState } from 'preact/hooks'
import { useLocation, useRoute } from 'preact-iso'
import { ApiFailure, can } from '../api/client.ts'
import { admin } from '../api/endpoints.ts'
import type { AppType, Role } from '../api/types.ts'
import {
  localDescription,
  localName,
  roleDescription,
  roleName,
  t,
  tn,
  type MessageKey,
} from '../i18n/index.ts'
import { askDelete, confirmThen } from '../ui/actions.ts'
import { CardHead, EditorActions, ErrorBox, Field, Loading, PageHead } from '../ui/components.tsx'
import { binder, TextInput } from '../ui/inputs.tsx'
import { toast } from '../ui/toast.tsx'
import { useLoad } from '../ui/use-load.ts'

/** Client app types with their defaults and how many apps each has (GET /v1/admin/app-types). */
export function useAppTypes() {
  return useLoad(() => admin.appTypes().then((r) => r.items), [])
}

/** Shown where an app type has no registered app yet: granting it would grant nothing. */
export function RegisterAppCta({ type, named }: { type: AppType; named?: boolean }) {
  return (
    <p class="cta">
      {named && <strong>{localName(type)}: </strong>}
      {t('apps.noneOfType')}
      {can('apps:write') && (
        <>
          {' — '}
          <a href={`/admin/apps/new?type=${encodeURIComponent(type.id)}`}>
            {t('apps.registerOne')}
          </a>
        </>
      )}
    </p>
  )
}

const areas: Array<{ key: string; label: MessageKey; write: boolean }> = [
  { key: 'users', label: 'perm.users', write: true },
  { key: 'roles', label: 'perm.roles', write: true },
  { key: 'apps', label: 'perm.apps', write: true },
  { key: 'settings', label: 'perm.settings', write: true },
  { key: 'audit', label: 'perm.audit', write: false },
]

function toggle(list: string[], value: string, on: boolean): string[] {
  return on ? [...new Set([...list, value])] : list.filter((v) => v !== value)
}

function AppTypeChecks(props: {
  types: AppType[]
  value: string[]
  onChange: (v: string[]) => void
}) {
  return (
    <div class="checks">
      {props.types.map((type) => (
        <div key={type.id} class="check-item">
          <label class="check">
            <input
              type="checkbox"
              name={`appType-${type.id}`}
              checked={props.value.includes(type.id)}
              onChange={(e) =>
                props.onChange(toggle(props.value, type.id, (e.target as HTMLInputElement).checked))
              }
            />
            <span>
              {localName(type)}
              <small>{localDescription(type) ?? type.id}</small>
            </span>
          </label>
          {type.registeredApps === 0 && <RegisterAppCta type={type} />}
        </div>
      ))}
    </div>
  )
}

export function RoleEditor() {
  const { params } = useRoute()
  const location = useLocation()
  const isNew = params.id === 'new'
  const role = useLoad(
    () => (isNew ? Promise.resolve(null) : admin.roles.get(params.id ?? '')),
    [params.id],
  )
  const types = useAppTypes()
  const [form, setForm] = useState<Pick<Role, 'name' | 'description' | 'appTypes' | 'permissions'>>(
    {
      name: '',
      description: '',
      appTypes: [],
      permissions: [],
    },
  )
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  // Shown only once the form holds the role, so nothing typed is overwritten by the load.
  const [readyFor, setReadyFor] = useState<string | null>(null)
  useEffect(() => {
    if (role.data) {
      // A built-in role reads in the console's language, in the heading and the fields alike.
      const { appTypes, permissions } = role.data
      setForm({
        name: roleName(role.data),
        description: roleDescription(role.data),
        appTypes,
        permissions,
      })
      setReadyFor(role.data.id)
    }
  }, [role.data])
  if (role.error) return <ErrorBox error={role.error} onRetry={role.reload} />
  if (!isNew && (!role.data || readyFor !== role.data.id)) return <Loading />
  const writable = can('roles:write')
  const fieldError = (f: string) => (error instanceof ApiFailure ? error.fieldError(f) : undefined)
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch })
  const bind = binder(form, set)

  const save = async (event: Event) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      if (isNew) {
        const created = await admin.roles.create(form)
        location.route(`/admin/roles/${created.id}`)
      } else if (role.data) {
        // A translated name left as shown is not a rename: the stored name stays.
        const untouched = (shown: string, translated: string, stored: string) =>
          shown === translated ? stored : shown
        await admin.roles.update(params.id ?? '', {
          ...form,
          name: untouched(form.name, roleName(role.data), role.data.name),
          description: untouched(
            form.description,
            roleDescription(role.data),
            role.data.description,
          ),
        })
        role.reload()
      }
      toast(t('roles.saved'))
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(false)
    }
  }
  const remove = async () => {
    const doomed = role.data
    if (!doomed) return
    await confirmThen(
      askDelete(t('roles.deleteConfirm', { name: roleName(doomed) }), t('roles.deleteText')),
      async () => {
        await admin.roles.remove(doomed.id)
        return t('roles.deleted')
      },
      () => location.route('/admin/roles'),
    )
  }

  return (
    <>
      <PageHead
        title={isNew ? t('roles.newTitle') : role.data ? roleName(role.data) : ''}
        subtitle={role.data ? tn('roles.holders', role.data.users) : undefined}
        crumbs={<a href="/admin/roles">{t('roles.title')}</a>}
        actions={
          writable &&
          role.data &&
          !role.data.builtin && (
            <button class="btn danger" onClick={remove}>
              {t('common.delete')}
            </button>
          )
        }
      />
      <form class="stack" onSubmit={save}>
        <fieldset class="stack" disabled={!writable}>
          <section class="card">
            <div class="body form">
              <Field label={t('roles.name')} error={fieldError('name')}>
                <TextInput name="name" required {...bind('name')} />
              </Field>
              <Field label={t('roles.description')} error={fieldError('description')}>
                <TextInput name="description" {...bind('description')} />
              </Field>
            </div>
          </section>
          <section class="card">
            <CardHead title={t('roles.apps')} hint={t('roles.appsHint')} />
            <div class="body">
              {types.data ? (
                <AppTypeChecks
                  types={types.data}
                  value={form.appTypes}
                  onChange={(appTypes) => set({ appTypes })}
                />
              ) : (
                <Loading />
              )}
              {fieldError('appTypes') && (
                <div class="field">
                  <span class="error">{fieldError('appTypes')}</span>
                </div>
              )}
            </div>
          </section>
          <section class="card">
            <CardHead title={t('roles.permissions')} hint={t('roles.permissionsHint')} />
            <div class="table-wrap" tabIndex={0}>
              <table>
                <thead>
                  <tr>
                    <th />
                    <th>{t('roles.read')}</th>
                    <th>{t('roles.write')}</th>
                  </tr>
                </thead>
                <tbody>
                  {areas.map((area) => (
                    <tr key={area.key}>
                      <td>{t(area.label)}</td>
                      {(['read', 'write'] as const).map((level) => {
                        const permission = `${area.key}:${level}`
                        if (level === 'write' && !area.write) return <td key={level} />
                        return (
                          <td key={level}>
                            <input
                              type="checkbox"
                              aria-label={`${t(area.label)}: ${t(level === 'read' ? 'roles.read' : 'roles.write')}`}
                              checked={form.permissions.includes(permission)}
                              onChange={(e) =>
                                set({
                                  permissions: toggle(
                                    form.permissions,
                                    permission,
                                    (e.target as HTMLInputElement).checked,
                                  ),
                                })
                              }
                            />
                          </td>
                        )
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </fieldset>
        {error &&
        !(
          error instanceof ApiFailure &&
          error.fields.some((f) =>
            ['name', 'description', 'appTypes'].includes(f.field.split('.')[0] ?? ''),
          )
        ) ? (
          <ErrorBox error={error} />
        ) : null}
        {writable && <EditorActions isNew={isNew} busy={busy} cancelHref="/admin/roles" />}
      </form>
      {role.data && <RoleHolders roleId={role.data.id} />}
    </>
  )
}
