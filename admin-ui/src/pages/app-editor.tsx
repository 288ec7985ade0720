import { useEffect, useState } from 'preact/hooks'
import { useLocation, useRoute } from 'preact-iso'
import { ApiFailure, can, session } from '../api/client.ts'
import { admin } from '../api/endpoints.ts'
import { appName, localDescription, localName, t } from '../i18n/index.ts'
import { askDelete, confirmThen } from '../ui/actions.ts'
import { CardHead, EditorActions, ErrorBox, Field, Loading, PageHead } from '../ui/components.tsx'
import { binder, TextArea, TextInput } from '../ui/inputs.tsx'
import { toast } from '../ui/toast.tsx'
import { useFocusInvalid } from '../ui/focus-invalid.ts'
import { useLoad } from '../ui/use-load.ts'
import {
  formOf,
  knownMethods,
  MethodChecks,
  noPolicy,
  PolicyCard,
  policyOverrides,
  SecretDialog,
  shownSecret,
  type Form,
} from './app-editor-parts.tsx'
import { TrySignIn } from './try-sign-in.tsx'

export function AppEditor() {
  const { params } = useRoute()
  const location = useLocation()
  const isNew = params.id === 'new'
  const app = useLoad(
    () => (isNew ? Promise.resolve(null) : admin.apps.get(params.id ?? '')),
    [params.id],
  )
  const plugins = useLoad(() => admin.plugins().then((r) => r.plugins), [])
  const appTypes = useLoad(() => admin.appTypes().then((r) => r.items), [])
  const [form, setForm] = useState<Form | null>(null)
  const [error, setError] = useState<unknown>(null)
  const secret = shownSecret.value
  const setSecret = (value: string | null) => (shownSecret.value = value)
  const [busy, setBusy] = useState(false)
  useFocusInvalid(error)
  const types = appTypes.data ?? []
  const defaultsOf = (type: string) => types.find((x) => x.id === type)?.defaultSignInMethods ?? []
  const methods = [
    ...new Set([
      ...(plugins.data
        ?.filter((p) => p.kind === 'sign-in-method' && p.id !== 'setup-link')
        .map((p) => p.id) ?? []),
      ...knownMethods,
    ]),
  ]
  useEffect(() => {
    if (app.data) setForm(formOf(app.data))
    else if (isNew && types[0] && !form) {
      // `?type=` comes from "register one" links; the console's own type is never the default.
      const type =
        types.find((x) => x.id === location.query.type) ??
        types.find((x) => x.id !== 'admin-console') ??
        types[0]
      setForm({
        id: '',
        name: '',
        type: type.id,
        enabled: true,
        signInMethods: [...type.defaultSignInMethods],
        policy: noPolicy,
        redirectUris: '',
        androidAppHash: '',
        webOtpDomain: '',
      })
    }
  }, [app.data, types.length])
  if (app.error) return <ErrorBox error={app.error} onRetry={app.reload} />
  if (!form) return <Loading />
  const writable = can('apps:write')
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch })
  const bind = binder(form, set)
  const fieldError = (f: string) => (error instanceof ApiFailure ? error.fieldError(f) : undefined)

  const body = () => {
    const policy = policyOverrides(form, types.find((x) => x.id === form.type)?.sessionPolicy)
    const settings: Record<string, unknown> = { ...(app.data?.settings ?? {}) }
    // An emptied field removes the setting.
    settings.androidAppHash = form.androidAppHash.trim() || undefined
    settings.webOtpDomain = form.webOtpDomain.trim() || undefined
    return {
      // A translated name left as shown is not a rename: the stored name stays.
      name: app.data && form.name === appName(app.data) ? app.data.name : form.name,
      enabled: form.enabled,
      signInMethods: form.signInMethods,
      policy,
      redirectUris: form.redirectUris
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
      settings: JSON.parse(JSON.stringify(settings)) as Record<string, unknown>,
    }
  }
  const save = async (event: Event) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      if (isNew) {
        const created = await admin.apps.create({
          ...body(),
          type: form.type,
          ...(form.id.trim() ? { id: form.id.trim() } : {}),
        })
        toast(t('apps.saved'))
        setSecret(created.clientSecret)
        location.route(`/admin/apps/${created.app.id}`)
      } else {
        await admin.apps.update(form.id, body())
        toast(t('apps.saved'))
        app.reload()
      }
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(false)
    }
  }
  const rotate = () =>
    confirmThen(
      {
        title: t('apps.rotateConfirm'),
        text: t('apps.rotateText'),
        action: t('apps.rotate'),
        danger: true,
      },
      async () => {
        setSecret((await admin.apps.rotateSecret(form.id)).clientSecret)
      },
    )
  const remove = () =>
    confirmThen(
      askDelete(t('apps.deleteConfirm', { name: form.name }), t('apps.deleteText')),
      async () => {
        await admin.apps.remove(form.id)
        return t('apps.deleted')
      },
      () => location.route('/admin/apps'),
    )
  const typeInfo = types.find((p) => p.id === form.type)

  return (
    <>
      <PageHead
        title={isNew ? t('apps.newTitle') : form.name}
        subtitle={typeInfo ? localDescription(typeInfo) : undefined}
        crumbs={<a href="/admin/apps">{t('apps.title')}</a>}
        actions={
          writable &&
          !isNew && (
            <>
              {app.data?.hasSecret && (
                <button class="btn" onClick={rotate}>
                  {t('apps.rotate')}
                </button>
              )}
              <button class="btn danger" onClick={remove}>
                {t('common.delete')}
              </button>
            </>
          )
        }
      />
      <form class="stack" onSubmit={save}>
        <fieldset class="stack" disabled={!writable}>
          <section class="card">
            <div class="body form">
              <div class="form-row">
                <Field label={t('apps.name')} error={fieldError('name')}>
                  <TextInput name="name" required {...bind('name')} />
                </Field>
                <Field
                  label={t('apps.clientId')}
                  hint={isNew ? t('apps.clientIdHint') : undefined}
                  error={fieldError('id')}
                >
                  <TextInput name="id" class="mono" disabled={!isNew} {...bind('id')} />
                </Field>
              </div>
              <Field label={t('apps.type')} error={fieldError('type')}>
                <select
                  name="type"
                  value={form.type}
                  disabled={!isNew}
                  onChange={(e) => {
                    const type = (e.target as HTMLSelectElement).value
                    // A new app starts with its type's sign-in methods.
                    set({ type, signInMethods: defaultsOf(type) })
                  }}
                >
                  {types.map((type) => (
                    <option key={type.id} value={type.id}>
                      {localName(type)}
                    </option>
                  ))}
                </select>
              </Field>
              <label class="check" style={{ maxWidth: '320px' }}>
                <input
                  type="checkbox"
                  checked={form.enabled}
                  onChange={(e) => set({ enabled: (e.target as HTMLInputElement).checked })}
                />
                <span>{t('apps.enabled')}</span>
              </label>
            </div>
          </section>
          <MethodChecks
            methods={methods}
            value={form.signInMethods}
            onChange={(signInMethods) => set({ signInMethods })}
            nameOf={(m) => {
              const plugin = plugins.data?.find((p) => p.id === m)
              return plugin ? localName(plugin) : m
            }}
            error={fieldError('signInMethods')}
          />
          <div class="grid-2">
            <PolicyCard
              policy={form.policy}
              defaults={typeInfo?.sessionPolicy}
              onChange={(policy) => set({ policy })}
              fieldError={fieldError}
            />
            <section class="card">
              <header>
                <h2>{t('apps.autofill')}</h2>
              </header>
              <div class="body stack">
                <Field
                  label={t('apps.androidHash')}
                  hint={t('apps.androidHashHint')}
                  error={fieldError('settings.androidAppHash')}
                >
                  <TextInput class="mono" maxLength={11} {...bind('androidAppHash')} />
                </Field>
                <Field
                  label={t('apps.webOtp')}
                  hint={t('apps.webOtpHint')}
                  error={fieldError('settings.webOtpDomain')}
                >
                  <TextInput {...bind('webOtpDomain')} />
                </Field>
              </div>
            </section>
          </div>
          <section class="card">
            <CardHead title={t('apps.redirects')} hint={t('apps.redirectsCardHint')} />
            <div class="body form">
              <Field
                label={t('apps.redirects')}
                hint={t('apps.redirectsHint')}
                error={fieldError('redirectUris')}
              >
                <TextArea rows={3} class="mono" {...bind('redirectUris')} />
              </Field>
            </div>
          </section>
        </fieldset>
        {error && !(error instanceof ApiFailure && error.fields.length) ? (
          <ErrorBox error={error} />
        ) : null}
        {error instanceof ApiFailure && error.fields.length > 0 && (
          <div class="alert">{t('common.checkFields')}</div>
        )}
        {writable && <EditorActions isNew={isNew} busy={busy} cancelHref="/admin/apps" />}
      </form>
      {!isNew && app.data && session.value?.mode === 'development' && <TrySignIn app={app.data} />}
      <SecretDialog secret={secret} onClose={() => setSecret(null)} />
    </>
  )
}
