import { signal } from '@preact/signals'
import type { App } from '../api/types.ts'
import { methodText, t } from '../i18n/index.ts'
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

/** One checkbox per sign-in method, named in words (a plugin's own name for unknown ids). */
export function MethodChecks(props: {
  methods: string[]
  value: string[]
  onChange: (value: string[]) => void
  nameOf: (id: string) => string
  error: string | undefined
}) {
  return (
    <section class="card">
      <header>
        <h2>{t('apps.methods')}</h2>
      </header>
      <div class="body">
        <div class="checks">
          {props.methods.map((m) => (
            <label key={m} class="check">
              <input
                type="checkbox"
                checked={props.value.includes(m)}
                onChange={(e) =>
                  props.onChange(
                    (e.target as HTMLInputElement).checked
                      ? [...props.value, m]
                      : props.value.filter((x) => x !== m),
                  )
                }
              />
              <span>
                {methodText(m) !== m ? methodText(m) : props.nameOf(m)}
                <small class="mono">{m}</small>
              </span>
            </label>
          ))}
        </div>
        {props.error && (
          <div class="field">
            <span class="error">{props.error}</span>
          </div>
        )}
      </div>
    </section>
  )
}
