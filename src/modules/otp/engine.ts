/**
 * The one-time-code engine shared by the `sms-otp`, `flash-call` and `email-otp` plugins: a
 * method plugin describes its channel and message, the engine does everything else (limits,
 * challenges, delivery, verification, first sign-in). The state lives in the state store.
 */
import type { z } from 'zod'
import { ApiError } from '../../kernel/errors.ts'
import type { DeliveryChannel, OutboundMessage } from '../../kernel/delivery.ts'
import { recipientLocale } from '../identity/index.ts'
import type { App } from '../identity/index.ts'
import type { OtpDeps } from './deps.ts'
import { createOtpKeys, otpBaseSecret, type OtpKeys } from './keys.ts'
import { registerOtpErrors } from './errors.ts'
import { tokenError } from '../clients/index.ts'
import { settingsForApp, type AnyOtpSettings } from './settings.ts'
import { runSend, type SendResult } from './send.ts'
import { runVerify, type VerifyResult } from './verify.ts'

export type OtpLocale = 'ru' | 'en'

export interface ComposeInput<S> {
  code: string
  app: App
  locale: OtpLocale
  settings: S
  /** Host for the WebOTP / iOS `@domain #code` line. */
  domain: string
}

/** The message parts a method builds around a code (the engine adds recipient and bookkeeping). */
export type ComposedMessage = Pick<OutboundMessage, 'text' | 'subject' | 'html'>

export interface OtpMethod<S extends AnyOtpSettings = AnyOtpSettings> {
  /** The plugin id, e.g. `sms-otp`. */
  id: string
  loginKind: 'phone' | 'email'
  channel: OutboundMessage['channel']
  /** The plugin's settings schema: per-app overrides are validated with it. */
  schema: z.ZodObject
  settings: S
  /**
   * `generated`: the engine makes a random code and `compose` puts it in a message.
   * `receipt`: the provider decides the code (flash call: the caller number's last digits).
   */
  code: 'generated' | 'receipt'
  compose?(input: ComposeInput<S>): ComposedMessage
  /** Refuses logins the method cannot serve (e.g. countries), by throwing an ApiError. */
  assertAccepts?(login: string, settings: S): void
  /** Turns a failed delivery into the client's answer (default: recipient rejected / unavailable). */
  deliveryError?(error: unknown, app: App): ApiError | undefined
}

export interface OtpRequestContext {
  ip: string
  userAgent: string | null
  requestId: string | null
  acceptLanguage: string | null
}

export interface OtpEngine<S extends AnyOtpSettings = AnyOtpSettings> {
  method: OtpMethod<S>
  send(input: { login: string; clientId: string }, context: OtpRequestContext): Promise<SendResult>
  verify(
    input: {
      challengeId: string
      code: string
      clientId: string
      /** The secret (or client ticket) the caller presented; the route reads it, body or Basic. */
      clientSecret?: string | null
      deviceLabel?: string | null
    },
    context: OtpRequestContext,
  ): Promise<VerifyResult>
  /** The app's copy of the method settings (plugin settings with `App.settings.otp` overrides). */
  settingsFor(app: App): S
}

/** What send/verify share: the core, the method, derived keys and the decoy timer. */
export interface EngineContext<S extends AnyOtpSettings = AnyOtpSettings> {
  core: OtpDeps
  method: OtpMethod<S>
  keys(): Promise<OtpKeys>
  settingsFor(app: App): S
  /** Checks the app exists, is enabled and allows this method (a cached copy: see appFor). */
  appFor(clientId: string): Promise<App>
  /**
   * Makes every send answer no sooner than a target (the method's `decoyMinDelayMs`, or the
   * recent average delivery time when longer, with jitter): a decoy then takes as long as a
   * real delivery, even in a fresh isolate that has timed none yet, and a fast real delivery
   * does not stand out either.
   */
  timing: {
    observe(ms: number): void
    padFrom(startedAt: number, minDelayMs: number): Promise<void>
  }
}

function deliveryTiming(): EngineContext['timing'] {
  let average: number | undefined
  return {
    observe(ms) {
      average = average === undefined ? ms : average * 0.8 + ms * 0.2
    },
    async padFrom(startedAt, minDelayMs) {
      const base = Math.max(minDelayMs, average ?? 0)
      if (base <= 0) return
      const target = Math.min(base * (0.8 + Math.random() * 0.4), 5000)
      const left = target - (Date.now() - startedAt)
      if (left > 0) await new Promise((resolve) => setTimeout(resolve, left))
    },
  }
}

export function createOtpEngine<S extends AnyOtpSettings>(
  core: OtpDeps,
  method: OtpMethod<S>,
): OtpEngine<S> {
  registerOtpErrors(core)
  let keys: Promise<OtpKeys> | undefined
  let warned = false
  const context: EngineContext<S> = {
    core,
    method,
    keys() {
      if (!keys) {
        const { secret, source } = otpBaseSecret(core.config)
        if (source === 'random' && !warned) {
          warned = true
          core.log.warn('no OTP_SECRET or SIGNING_KEYS: one-time codes use a per-process secret')
        }
        keys = createOtpKeys(secret)
      }
      return keys
    },
    settingsFor: (app) =>
      settingsForApp(method.schema, method.settings as never, app, method.id, core.log) as S,
    async appFor(clientId) {
      // This isolate's copy (up to 15 s old, app-cache.ts): a send opens nothing, and a verify's
      // session batch re-checks the app enabled and allowing the method in its transaction.
      const app = await core.identity.apps.cached(clientId)
      if (!app) throw tokenError('app_not_found')
      if (!app.enabled) throw tokenError('app_disabled')
      if (!app.signInMethods.includes(method.id)) {
        throw tokenError('sign_in_method_not_allowed')
      }
      return app
    },
    timing: deliveryTiming(),
  }
  return {
    method,
    send: (input, ctx) => runSend(context, input, ctx),
    verify: (input, ctx) => runVerify(context, input, ctx),
    settingsFor: context.settingsFor,
  }
}

/**
 * Picks `ru` or `en`: the client's Accept-Language first (the person asked for the code on
 * that device, in its language), then the person's message language set by an admin, then the
 * app's setting, then the recipient's (Russian for +7 numbers and e-mail, English for other
 * countries' numbers; Russian when the recipient is not given).
 */
export function pickLocale(
  acceptLanguage: string | null,
  appLocale: unknown,
  recipient?: { channel: DeliveryChannel; to: string },
  personLocale?: OtpLocale | null,
): OtpLocale {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';')
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? '1',
      )
      return { lang: tag.split('-')[0], q: Number.isFinite(q) ? q : 0, index }
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
  for (const { lang } of ranked) if (lang === 'ru' || lang === 'en') return lang
  if (recipient) return recipientLocale(recipient.channel, recipient.to, appLocale, personLocale)
  if (personLocale) return personLocale
  return appLocale === 'en' ? 'en' : 'ru'
}
