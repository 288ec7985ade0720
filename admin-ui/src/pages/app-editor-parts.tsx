import { signal } from '@preact/signals'
import type { App, SessionPolicy } from '../api/types.ts'
import { appName, methodText, t } from '../i18n/index.ts'
import { CardHead, CopyButton, Field } from '../ui/components.tsx'
import { Modal } from '../ui/dialog.tsx'
import { DurationInput, formatDuration } from '../ui/duration.tsx'

export const knownMethods = ['password', 'sms-otp', 'flash-call', 'email-otp']
export const policyKeys = [
  'accessTokenTtlSeconds',
  'refreshTokenAbsoluteTtlSeconds',
  'refreshTokenIdleTtlSeconds',
] as const
export type PolicyKey = (typeof policyKeys)[number]
export const noPolicy: Form['policy'] = {
  accessTokenTtlSeconds: null,
  refreshTokenAbsoluteTtlSeconds: null,
  refreshTokenIdleTtlSeconds: null,
}
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
  /** Overrides of the type's session policy, in seconds; null: the type's default applies. */
  policy: Record<PolicyKey, number | null>
  redirectUris: string
  androidAppHash: string
  webOtpDomain: string
}

export function formOf(app: App): Form {
  return {
    id: app.id,
    // The install's own apps read in the console's language, like the heading.
    name: appName(app),
    type: app.type,
    enabled: app.enabled,
    signInMethods: app.signInMethods,
    policy: {
      accessTokenTtlSeconds: app.policy.accessTokenTtlSeconds ?? null,
      refreshTokenAbsoluteTtlSeconds: app.policy.refreshTokenAbsoluteTtlSeconds ?? null,
      refreshTokenIdleTtlSeconds: app.policy.refreshTokenIdleTtlSeconds ?? null,
    },
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
              <span>{methodText(m) !== m ? methodText(m) : props.nameOf(m)}</span>
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

/** The overrides to save: only values that differ from the type's, so its defaults keep applying. */
export function policyOverrides(form: Form, defaults: SessionPolicy | undefined): SessionPolicy {
  const policy: SessionPolicy = {}
  for (const key of policyKeys) {
    const value = form.policy[key]
    if (value !== null && value !== defaults?.[key]) policy[key] = value
  }
  return policy
}

/**
 * The session policy in minutes, hours and days. Each field shows what applies (the app's
 * override, else the type's default) and names the default under it.
 */
export function PolicyCard(props: {
  policy: Form['policy']
  defaults: SessionPolicy | undefined
  onChange: (policy: Form['policy']) => void
  fieldError: (name: string) => string | undefined
}) {
  return (
    <section class="card">
      <CardHead title={t('apps.policy')} hint={t('apps.policyHint')} />
      <div class="body stack">
        {policyKeys.map((key) => {
          const fallback = props.defaults?.[key]
          return (
            <Field
              key={key}
              label={t(policyLabels[key])}
              hint={
                fallback ? t('duration.default', { value: formatDuration(fallback) }) : undefined
              }
              error={props.fieldError(`policy.${key}`) ?? props.fieldError('policy')}
            >
              <DurationInput
                seconds={props.policy[key]}
                fallback={fallback}
                smallest="minutes"
                onSeconds={(seconds) => props.onChange({ ...props.policy, [key]: seconds })}
              />
            </Field>
          )
        })}
      </div>
    </section>
  )
}
