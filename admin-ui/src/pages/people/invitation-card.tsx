import { useState } from 'preact/hooks'
import { can } from '../../api/client.ts'
import { admin, type UserDetail } from '../../api/endpoints.ts'
import { formatDateTime, formatPhone, t } from '../../i18n/index.ts'
import { confirmThen } from '../../ui/actions.ts'
import { CopyButton, Field } from '../../ui/components.tsx'
import { Modal } from '../../ui/dialog.tsx'
import { toast } from '../../ui/toast.tsx'
import { ActionDialog } from './action-dialog.tsx'

type Channel = 'sms' | 'email'

/** The channel picker: only the channels the person has a login for. */
export function ChannelSelect(props: {
  value: Channel | ''
  onChange: (value: Channel | '') => void
  /** Offer "as usual" (the server picks per person), for many people at once. */
  auto?: boolean
  has?: { phone: boolean; email: boolean }
}) {
  const has = props.has ?? { phone: true, email: true }
  return (
    <Field label={t('invite.channel')}>
      <select
        name="channel"
        value={props.value}
        onChange={(e) => props.onChange((e.target as HTMLSelectElement).value as Channel | '')}
      >
        {props.auto && <option value="">{t('bulk.channelAuto')}</option>}
        {has.email && <option value="email">{t('channel.email')}</option>}
        {has.phone && <option value="sms">{t('channel.sms')}</option>}
      </select>
    </Field>
  )
}

/** The new link, shown once: the admin copies it into a messenger. */
function LinkDialog({ url, onClose }: { url: string; onClose: () => void }) {
  return (
    <Modal open onClose={onClose} labelledBy="link-title" wide>
      <div class="dialog-body stack">
        <h2 id="link-title">{t('invite.copyTitle')}</h2>
        <div class="alert info">{t('invite.copyText')}</div>
        <div class="secret" data-testid="invitation-link">
          {url}
        </div>
      </div>
      <footer>
        <CopyButton text={url} />
        <button class="btn primary" onClick={onClose}>
          {t('common.close')}
        </button>
      </footer>
    </Modal>
  )
}

function InvitationState({ user }: { user: UserDetail }) {
  const inv = user.invitation
  if (!inv) return <p class="muted">{t('person.invitationNone')}</p>
  const expired = !inv.acceptedAt && !inv.revokedAt && Date.parse(inv.expiresAt) < Date.now()
  const dates = { date: formatDateTime(inv.createdAt), expires: formatDateTime(inv.expiresAt) }
  return (
    <div>
      <p style={{ margin: 0 }}>
        {inv.copied
          ? t('invite.copied', dates)
          : t('person.invitationSent', {
              ...dates,
              channel: t(`channel.${inv.channel}`),
              to: inv.channel === 'sms' ? formatPhone(inv.sentTo) : inv.sentTo,
            })}
      </p>
      {inv.acceptedAt && (
        <p class="muted">
          {t('person.invitationAccepted', { date: formatDateTime(inv.acceptedAt) })}
        </p>
      )}
      {inv.revokedAt && (
        <p class="muted">
          {t('person.invitationRevoked', { date: formatDateTime(inv.revokedAt) })}
        </p>
      )}
      {expired && (
        <p class="muted">
          {t('person.invitationExpired', { date: formatDateTime(inv.expiresAt) })}
        </p>
      )}
    </div>
  )
}

export function InvitationCard({ user, onChanged }: { user: UserDetail; onChanged: () => void }) {
  const inv = user.invitation
  const open = inv && !inv.acceptedAt && !inv.revokedAt && Date.parse(inv.expiresAt) >= Date.now()
  const [resending, setResending] = useState(false)
  const [channel, setChannel] = useState<Channel | ''>(user.email ? 'email' : 'sms')
  const [link, setLink] = useState<string | null>(null)
  const copyLink = () =>
    confirmThen(null, async () => {
      setLink((await admin.users.invitationLink(user.id)).url)
      onChanged()
    })
  const revoke = () =>
    confirmThen(
      {
        title: t('person.revokeConfirm'),
        text: t('person.revokeText'),
        action: t('person.revoke'),
        danger: true,
      },
      async () => {
        await admin.users.revokeInvitation(user.id)
        return t('person.revoked')
      },
      onChanged,
    )
  return (
    <section class="card">
      <header>
        <h2>{t('person.invitation')}</h2>
      </header>
      <div class="body stack">
        <InvitationState user={user} />
        {user.status === 'invited' && can('users:write') && (
          <div class="form-actions">
            <button class="btn" onClick={() => setResending(true)}>
              {t('person.resend')}
            </button>
            <button class="btn" onClick={copyLink}>
              {t('invite.copy')}
            </button>
            {open && (
              <button class="btn danger" onClick={revoke}>
                {t('person.revoke')}
              </button>
            )}
          </div>
        )}
      </div>
      {resending && (
        <ActionDialog
          title={t('invite.resendTitle')}
          action={t('person.resend')}
          onClose={() => setResending(false)}
          onSubmit={async () => {
            await admin.users.resendInvitation(user.id, channel || undefined)
            toast(t('person.resent'))
            onChanged()
          }}
        >
          <ChannelSelect
            value={channel}
            onChange={setChannel}
            has={{ phone: Boolean(user.phone), email: Boolean(user.email) }}
          />
        </ActionDialog>
      )}
      {link && <LinkDialog url={link} onClose={() => setLink(null)} />}
    </section>
  )
}
