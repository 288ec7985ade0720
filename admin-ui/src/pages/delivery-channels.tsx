import { useState } from 'preact/hooks'
import { ApiFailure, api, can } from '../api/client.ts'
import { formatPhone, localName, t, type MessageKey } from '../i18n/index.ts'
import { ErrorBox, Field, Loading } from '../ui/components.tsx'
import { TextInput } from '../ui/inputs.tsx'
import { toast } from '../ui/toast.tsx'
import { useLoad } from '../ui/use-load.ts'

type Channel = 'sms' | 'email' | 'call'
interface LiveChannel {
  channel: Channel
  provider: string
  name: string
  localized?: Record<string, { name: string }>
}

/** One channel: the provider that sends it now and, for admins who may, a test message. */
function ChannelRow({ live }: { live: LiveChannel }) {
  const [to, setTo] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [failure, setFailure] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const provider = localName(live)
  return (
    <div class="channel-row">
      <h3>
        {t(`channel.${live.channel}` as MessageKey)}: <strong>{provider}</strong>
      </h3>
      {can('settings:write') && (
        <form
          class="form inline"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault()
            setBusy(true)
            setError(undefined)
            setFailure(null)
            try {
              const sent = await api<{ to: string }>('/v1/admin/delivery/test', {
                method: 'POST',
                body: { channel: live.channel, to },
              })
              const shown = live.channel === 'email' ? sent.to : formatPhone(sent.to)
              toast(t('delivery.sent', { provider, to: shown }))
            } catch (failed) {
              const field = failed instanceof ApiFailure ? failed.fieldError('to') : undefined
              if (field) setError(field)
              else setFailure(failed)
            } finally {
              setBusy(false)
            }
          }}
        >
          <Field label={t(`delivery.to.${live.channel}` as MessageKey)} error={error}>
            <TextInput
              type={live.channel === 'email' ? 'email' : 'tel'}
              autocomplete="off"
              value={to}
              onValue={setTo}
            />
          </Field>
          <button class="btn" type="submit" disabled={busy || !to.trim()}>
            {t(`delivery.send.${live.channel}` as MessageKey)}
          </button>
          {failure ? <ErrorBox error={failure} /> : null}
        </form>
      )}
    </div>
  )
}

/** Which provider is live per channel, from the server's DELIVERY_* settings. */
export function DeliveryChannels() {
  const channels = useLoad(
    () => api<{ channels: LiveChannel[] }>('/v1/admin/delivery/channels').then((r) => r.channels),
    [],
  )
  return (
    <section class="card">
      <header>
        <div>
          <h2>{t('delivery.inUse')}</h2>
          <p>{t('delivery.inUseHint')}</p>
        </div>
      </header>
      <div class="body">
        {channels.error ? (
          <ErrorBox error={channels.error} onRetry={channels.reload} />
        ) : !channels.data ? (
          <Loading />
        ) : (
          channels.data.map((live) => <ChannelRow key={live.channel} live={live} />)
        )}
      </div>
    </section>
  )
}
