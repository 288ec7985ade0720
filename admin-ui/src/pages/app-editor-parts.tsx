import { signal } from '@preact/signals'
import type { App } from '../api/types.ts'
import { t } from '../i18n/index.ts'
import { CopyButton } from '../ui/components.tsx'
import { Modal } from '../ui/dialog.tsx'

export const knownMethods = ['password', 'sms-otp', 'flash-call', 'email-otp']
export const policyKeys = [
  'accessTokenTtlSeconds',
  'refreshTokenAbsoluteTtlSeconds',
  'refreshTokenIdleTtlSeconds',
] as const
export const policyLabels = {
  accessTokenTtlSeconds: 'apps.accessTtl',
  refreshTokenAbsoluteTtlSeconds: 'apps.absoluteTtl',
  refreshTokenIdleTtlSeconds: 'apps.idleTtl',
} as const

/** Survives the navigation from /apps/new to /apps/<id> that follows a create. */
export const shownSecret = signal<string | null>(null)

export interface Form {
  id: string
  name: string
  type: string
  enabled: boolean
  signInMethods: string[]
  policy: Record<string, string>
  redirectUris: string
  androidAppHash: string
  webOtpDomain: string
}

export function formOf(app: App): Form {
  return {
    id: app.id,
    name: app.name,
    type: app.type,
    enabled: app.enabled,
    signInMethods: app.signInMethods,
    policy: Object.fromEntries(
      policyKeys.map((k) => [k, app.policy[k] ? String(app.policy[k]) : '']),
    ),
    redirectUris: app.redirectUris.join('\n'),
    androidAppHash: String(app.settings.androidAppHash ?? ''),
    webOtpDomain: String(app.settings.webOtpDomain ?? ''),
  }
}

export function SecretDialog({ secret, onClose }: { secret: string | null; onClose: () => void }) {
  return (
    <Modal open={!!secret} onClose={onClose} labelledBy="secret-title" wide>
      <div class="dialog-body stack">
        <h2 id="secret-title">{t('apps.secret')}</h2>
        <div class="alert info">{t('apps.secretOnce')}</div>
        <div class="secret" data-testid="client-secret">
          {secret}
        </div>
      </div>
      <footer>
        {secret && <CopyButton text={secret} />}
        <button class="btn primary" onClick={onClose}>
          {t('common.close')}
        </button>
      </footer>
    </Modal>
  )
}
