import { useEffect, useState } from 'preact/hooks'
import { admin } from '../api/endpoints.ts'
import type { OutboxMessage } from '../api/types.ts'
import { formatDateTime, formatPhone, purposeText, t } from '../i18n/index.ts'
import { Badge, Empty, ErrorBox, Loading, PageHead } from '../ui/components.tsx'
import { Icon } from '../ui/icons.tsx'
import { useLoad } from '../ui/use-load.ts'

const channelIcon = { sms: 'phone', email: 'mail', call: 'call' } as const

/** Message text with its links clickable (invitations, resets), everything else as text. */
function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g)
  return (
    <pre>
      {parts.map((part, i) =>
        /^https?:\/\//.test(part) ? (
          <a key={i} href={part} target="_blank" rel="noreferrer">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </pre>
  )
}

function Message({ message }: { message: OutboxMessage }) {
  return (
    <article class="message">
      <div class="meta">
        <Icon name={channelIcon[message.channel]} size={16} />
        <strong style={{ color: 'var(--text)' }}>{formatPhone(message.recipient)}</strong>
        <Badge plain>{t(`channel.${message.channel}`)}</Badge>
        <Badge tone="blue" plain>
          {purposeText(message.purpose)}
        </Badge>
        <span>{formatDateTime(message.createdAt)}</span>
      </div>
      {message.subject && (
        <div style={{ marginTop: '6px', fontWeight: 600 }}>{message.subject}</div>
      )}
      {message.text && <Linkified text={message.text} />}
      {message.callerNumber && (
        <pre>
          {t('outbox.call', { number: message.callerNumber, code: message.callerNumber.slice(-4) })}
        </pre>
      )}
    </article>
  )
}

export function Outbox() {
  const [channel, setChannel] = useState('')
  const [recipient, setRecipient] = useState('')
  const outbox = useLoad(
    () => admin.outbox({ channel, recipient: recipient.trim(), limit: 100 }),
    [channel, recipient],
  )
  useEffect(() => {
    // New messages arrive while the developer clicks through a flow in another tab.
    const timer = setInterval(outbox.reload, 5000)
    return () => clearInterval(timer)
  }, [])
  return (
    <>
      <PageHead
        title={t('outbox.title')}
        subtitle={t('outbox.subtitle')}
        actions={
          <button class="btn" onClick={outbox.reload}>
            <Icon name="refresh" size={16} />
            {t('common.refresh')}
          </button>
        }
      />
      <div class="card">
        <div class="toolbar" role="search">
          <select
            aria-label={t('deliveries.channel')}
            value={channel}
            onChange={(e) => setChannel((e.target as HTMLSelectElement).value)}
          >
            <option value="">{t('deliveries.anyChannel')}</option>
            {(['sms', 'email', 'call'] as const).map((c) => (
              <option key={c} value={c}>
                {t(`channel.${c}`)}
              </option>
            ))}
          </select>
          <input
            class="search"
            type="search"
            aria-label={t('deliveries.recipient')}
            placeholder={t('deliveries.recipientHint')}
            value={recipient}
            onChange={(e) => setRecipient((e.target as HTMLInputElement).value)}
          />
          <span class="muted" style={{ fontSize: '12.5px' }}>
            {t('outbox.auto')}
          </span>
        </div>
        {outbox.error ? (
          <div class="body">
            <ErrorBox error={outbox.error} />
          </div>
        ) : !outbox.data ? (
          <Loading />
        ) : outbox.data.messages.length === 0 ? (
          <Empty icon="outbox" title={t('outbox.empty')} text={t('outbox.emptyText')} />
        ) : (
          <div aria-live="polite">
            {outbox.data.messages.map((m) => (
              <Message key={m.id} message={m} />
            ))}
          </div>
        )}
      </div>
    </>
  )
}
