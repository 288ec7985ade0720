import { useEffect, useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { ApiFailure, can } from '../api/client.ts'
import { admin } from '../api/endpoints.ts'
import type { PluginInfo } from '../api/types.ts'
import { fieldMessage, localDescription, localName, t, type MessageKey } from '../i18n/index.ts'
import { ErrorBox, Loading, PageHead } from '../ui/components.tsx'
import { toast } from '../ui/toast.tsx'
import { useFocusInvalid } from '../ui/focus-invalid.ts'
import { useLoad } from '../ui/use-load.ts'
import { SchemaForm } from './schema-form.tsx'
import { DeliveryChannels } from './delivery-channels.tsx'

const groups: Array<{ kind: PluginInfo['kind']; title: MessageKey }> = [
  { kind: 'sign-in-method', title: 'plugins.methods' },
  { kind: 'delivery-provider', title: 'plugins.providers' },
  { kind: 'client-app-type', title: 'plugins.appTypes' },
]

function PluginPanel({ plugin }: { plugin: PluginInfo }) {
  const stored = useLoad(() => admin.pluginSettings(plugin.id), [plugin.id])
  const [values, setValues] = useState<Record<string, unknown>>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  // The form appears only once it holds the stored values, so nothing typed is overwritten.
  const [ready, setReady] = useState(false)
  useEffect(() => {
    if (stored.data) {
      setValues(stored.data.values)
      setReady(true)
    }
  }, [stored.data])
  const writable = can('settings:write')
  useFocusInvalid(errors)
  return (
    <section class="card">
      <header>
        <div>
          <h2>{localName(plugin)}</h2>
          <p>{localDescription(plugin)}</p>
        </div>
      </header>
      <form
        class="body form"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault()
          setBusy(true)
          setErrors({})
          setFailure(null)
          try {
            const saved = await admin.savePluginSettings(plugin.id, values)
            setValues(saved.values)
            toast(t('plugins.saved'))
          } catch (error) {
            if (error instanceof ApiFailure && error.fields.length) {
              setErrors(
                Object.fromEntries(
                  error.fields.map((f) => [f.field.split('.')[0] ?? f.field, fieldMessage(f)]),
                ),
              )
            } else setFailure(error)
          } finally {
            setBusy(false)
          }
        }}
      >
        {stored.error ? (
          <ErrorBox error={stored.error} onRetry={stored.reload} />
        ) : !stored.data || !ready ? (
          <Loading />
        ) : (
          <SchemaForm
            pluginId={plugin.id}
            schema={plugin.settingsSchema}
            values={values}
            secretsSet={stored.data.secretsSet}
            fromEnv={stored.data.fromEnv}
            locked={stored.data.lockedByEnv}
            errors={errors}
            disabled={!writable}
            onChange={setValues}
          />
        )}
        {failure ? <ErrorBox error={failure} /> : null}
        {writable && Object.keys(plugin.settingsSchema.properties ?? {}).length > 0 && (
          <div class="form-actions">
            <button class="btn primary" type="submit" disabled={busy}>
              {t('common.save')}
            </button>
          </div>
        )}
      </form>
    </section>
  )
}

export function Plugins() {
  const location = useLocation()
  const plugins = useLoad(() => admin.plugins().then((r) => r.plugins), [])
  const selected = plugins.data?.find((p) => p.id === location.query.id) ?? plugins.data?.[0]
  return (
    <>
      <PageHead title={t('plugins.title')} subtitle={t('plugins.subtitle')} />
      {can('settings:read') && <DeliveryChannels />}
      {plugins.error ? (
        <ErrorBox error={plugins.error} onRetry={plugins.reload} />
      ) : !plugins.data ? (
        <Loading />
      ) : (
        <div class="plugins-layout">
          <nav class="card plugin-list" aria-label={t('plugins.title')}>
            {groups.map((group) => {
              const items = plugins.data?.filter((p) => p.kind === group.kind) ?? []
              if (!items.length) return null
              return (
                <div key={group.kind}>
                  <div class="section">{t(group.title)}</div>
                  {items.map((p) => (
                    <a
                      key={p.id}
                      href={`/admin/plugins?id=${p.id}`}
                      aria-current={selected?.id === p.id ? 'page' : undefined}
                    >
                      {localName(p)}
                    </a>
                  ))}
                </div>
              )
            })}
          </nav>
          {selected && <PluginPanel key={selected.id} plugin={selected} />}
        </div>
      )}
    </>
  )
}
