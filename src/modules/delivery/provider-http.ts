/**
 * What delivery provider plugins share: calling a provider's HTTP API with a timeout and a
 * bounded, provider-decided retry, and the "secrets are required only where selected" check.
 * Web-standard only (fetch, AbortSignal), so providers run on Workers, Node and Deno alike.
 */
import * as z from 'zod'
import { ConfigError, type Settings } from '../../kernel/config.ts'
import { DeliveryError, type DeliveryChannel } from '../../kernel/delivery.ts'
import type { Logger } from '../../kernel/logger.ts'

// Errors that mean the TCP connection never opened, so the provider cannot have seen the request.
const notConnectedCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
])

/** Whether a fetch rejection says the connection never opened (Node codes, Deno wording). */
export function connectionNeverOpened(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  const cause = error.cause as { code?: unknown } | undefined
  if (typeof cause?.code === 'string' && notConnectedCodes.has(cause.code)) return true
  // Deno words it in the message: "tcp connect error: Connection refused".
  return /tcp connect error|connection refused|dns error/i.test(error.message)
}

/** A request that got no HTTP answer: refused, unresolvable, timed out or dropped. */
export class ProviderNetworkError extends Error {
  override readonly name = 'ProviderNetworkError'
  /**
   * False only when the connection never opened: the provider cannot have acted on the request,
   * so sending again is safe even without an idempotency key. A timeout or a connection lost
   * after sending may come after the provider accepted the message.
   */
  readonly mayHaveReached: boolean
  /** `timeoutMs` ran out before an answer arrived. */
  readonly timedOut: boolean

  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause })
    this.mayHaveReached = !connectionNeverOpened(cause)
    this.timedOut = cause instanceof Error && cause.name === 'TimeoutError'
  }
}

/** One attempt's result: the provider's answer (any status), or why there was none. */
export type ProviderOutcome = Response | ProviderNetworkError

/** The retry settings every provider plugin has, under these names (see `retrySettings`). */
export interface ProviderRetrySettings {
  /** Per attempt. */
  timeoutMs: number
  /** Extra attempts after the first, at most. */
  maxRetries: number
  /** Delay before the first retry; doubles each time, up to `maxRetryDelayMs`. */
  retryDelayMs: number
}

export interface ProviderFetchOptions extends ProviderRetrySettings {
  /**
   * Whether this outcome may be sent again: only where the provider cannot have acted on it, or
   * an idempotency key makes a repeat harmless. It gets a copy whose body it may read; the last
   * outcome is returned unread.
   */
  retryOn: (outcome: ProviderOutcome) => boolean | Promise<boolean>
  /** Default 2000. */
  maxRetryDelayMs?: number
  /** Where a retry is noted, as `<name>: retrying`. */
  log?: Pick<Logger, 'warn'>
  name?: string
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Sends `request` (a factory when each attempt must be built anew, e.g. signed with a fresh
 * timestamp) until `retryOn` says no or `maxRetries` run out, and returns the last outcome.
 * Never throws for network failures: they come back as a `ProviderNetworkError`.
 */
export async function providerFetch(
  request: Request | (() => Request | Promise<Request>),
  options: ProviderFetchOptions,
): Promise<ProviderOutcome> {
  for (let attempt = 0; ; attempt++) {
    const next = typeof request === 'function' ? await request() : request.clone()
    let outcome: ProviderOutcome
    try {
      outcome = await fetch(next, { signal: AbortSignal.timeout(options.timeoutMs) })
    } catch (error) {
      outcome = new ProviderNetworkError(error)
    }
    if (attempt >= options.maxRetries) return outcome
    const copy = outcome instanceof Response ? outcome.clone() : outcome
    if (!(await options.retryOn(copy))) return outcome
    // Frees the connection of an answer nobody will read. Not awaited: a tee'd body's cancel
    // settles only once both branches are cancelled or read, and retryOn may hold the other.
    for (const unread of [outcome, copy]) {
      if (unread instanceof Response) void unread.body?.cancel().catch(() => undefined)
    }
    options.log?.warn(`${options.name ?? 'provider'}: retrying`, {
      attempt: attempt + 1,
      ...(outcome instanceof Response
        ? { httpStatus: outcome.status }
        : { failure: outcome.timedOut ? 'timeout' : outcome.message }),
    })
    await sleep(Math.min(options.retryDelayMs * 2 ** attempt, options.maxRetryDelayMs ?? 2000))
  }
}

/**
 * The DeliveryError of a request that got no answer. It is retryable when the connection never
 * opened, or when `duplicate` is omitted because an idempotency key makes a repeat harmless;
 * otherwise the message or call may be on its way, and a repeat would send `duplicate`.
 */
export function networkDeliveryError(
  failure: ProviderNetworkError,
  provider: string,
  duplicate?: string,
): DeliveryError {
  if (!failure.mayHaveReached || !duplicate) {
    return new DeliveryError('provider_unavailable', `${provider} could not be reached`, true)
  }
  return new DeliveryError(
    'provider_unavailable',
    `The connection to ${provider} failed after the request was sent; not retried to avoid ${duplicate}`,
  )
}

/**
 * A `retryOn` for a provider that reads an outcome into a receipt or throws a DeliveryError:
 * retry exactly what that error calls retryable, so one mapping decides both.
 */
export function retryWhenRetryable(
  read: (outcome: ProviderOutcome) => Promise<unknown>,
): (outcome: ProviderOutcome) => Promise<boolean> {
  return (outcome) =>
    read(outcome).then(
      () => false,
      (error: unknown) => error instanceof DeliveryError && error.retryable,
    )
}

export interface ProviderSendOptions<T> extends ProviderRetrySettings {
  /** How errors name the provider: "Twilio could not be reached". */
  provider: string
  /**
   * What repeating a request that may have arrived would cause ("a second SMS"): such requests
   * are then not retried. Omit when an idempotency key makes a repeat harmless.
   */
  duplicate?: string
  /** The receipt an answer means, or throws its DeliveryError: retryable ones are retried. */
  read: (response: Response) => Promise<T>
  maxRetryDelayMs?: number
  /** The plugin id, for the retry log line. */
  name: string
  log: Pick<Logger, 'warn'>
}

/**
 * A provider send: `providerFetch` where one mapping, `read` (plus `networkDeliveryError` for
 * requests without an answer), decides both the result and what is retried.
 */
export async function sendToProvider<T>(
  request: Request | (() => Request | Promise<Request>),
  options: ProviderSendOptions<T>,
): Promise<T> {
  const read = async (outcome: ProviderOutcome): Promise<T> => {
    if (outcome instanceof ProviderNetworkError) {
      throw networkDeliveryError(outcome, options.provider, options.duplicate)
    }
    return options.read(outcome)
  }
  return read(await providerFetch(request, { ...options, retryOn: retryWhenRetryable(read) }))
}

/**
 * The settings-schema fields behind `ProviderRetrySettings`, for a plugin's `z.object`:
 * `retriesWhen` documents which failures its provider retries.
 */
export function retrySettings(
  retriesWhen: string,
  limits = { maxRetries: 2, retryDelayMs: 2_000 },
) {
  return {
    timeoutMs: z.number().int().min(100).max(60_000).default(10_000),
    maxRetries: z
      .number()
      .int()
      .min(0)
      .max(limits.maxRetries)
      .default(2)
      .describe(`Retries ${retriesWhen}`),
    retryDelayMs: z
      .number()
      .int()
      .min(0)
      .max(limits.retryDelayMs)
      .default(250)
      .describe('First retry delay; doubles'),
  }
}

/** The JSON body, or null when it is empty or not JSON (proxies answer errors in HTML). */
export async function readJsonBody<T>(response: Response): Promise<T | null> {
  try {
    return (await response.json()) as T
  } catch {
    return null
  }
}

/** Env values that are set and non-empty, under their settings names (for `settingsFromEnv`). */
export function presentEnv(pairs: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(pairs).filter(([, v]) => v)) as Record<string, string>
}

type Selection = Pick<Settings, 'DELIVERY_SMS' | 'DELIVERY_EMAIL' | 'DELIVERY_CALL'>

/** The channels whose DELIVERY_SMS / _EMAIL / _CALL names this plugin. */
export function channelsSelecting(config: Selection, pluginId: string): DeliveryChannel[] {
  const chosen: Record<DeliveryChannel, string> = {
    sms: config.DELIVERY_SMS,
    email: config.DELIVERY_EMAIL,
    call: config.DELIVERY_CALL,
  }
  return (Object.keys(chosen) as DeliveryChannel[]).filter((ch) => chosen[ch] === pluginId)
}

/**
 * Every provider is installed everywhere, so its secrets are optional in its schema and checked
 * only where it is selected: then each problem (a falsy entry means none) stops startup with a
 * ConfigError, rather than failing at the first sign-in.
 */
export function requireWhenSelected(
  ctx: { pluginId: string; config: Selection },
  problems: (channels: DeliveryChannel[]) => Array<string | false | null | undefined>,
): void {
  const channels = channelsSelecting(ctx.config, ctx.pluginId)
  if (!channels.length) return
  const found = problems(channels).filter((p): p is string => Boolean(p))
  if (!found.length) return
  const selection = channels.map((ch) => `DELIVERY_${ch.toUpperCase()}=${ctx.pluginId}`).join(', ')
  throw new ConfigError(found.map((p) => `plugin ${ctx.pluginId} (${selection}): ${p}`))
}
