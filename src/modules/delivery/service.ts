import type { SqlDatabase, SqlStatement } from '../../kernel/ports/sql.ts'
import { DependencyScope } from '../../kernel/ports/dependency-scope.ts'
import { ConfigError, type Settings } from '../../kernel/config.ts'
import {
  DeliveryError,
  chosenProviderProblems,
  chosenProviders,
  type DeliveryChannel,
  type DeliveryContext,
  type DeliveryProvider,
  type DeliveryReceipt,
  type DeliveryService,
  type OutboundMessage,
  type RegisteredProvider,
} from '../../kernel/delivery.ts'
import type { Logger } from '../../kernel/logger.ts'
import { forwardingAddress } from './forwarding-store.ts'
import { deliveryLogRow, recordDelivery, updateDeliveryStatus } from './log-store.ts'

/** One send's view of SQL: refused at once after the first dependency failure. */
interface Scoped {
  dependencies: DependencyScope
  sql: SqlDatabase
  /** Log rows of accepted messages, left for the caller to write (`sendUnlogged`); else written. */
  unlogged?: SqlStatement[]
}

export interface DeliveryDeps {
  /** The providers the plugin host built, by plugin id. */
  providers: ReadonlyMap<string, RegisteredProvider>
  settings: Settings
  sql: SqlDatabase
  log: Logger
  now: () => Date
}

/**
 * Routes each channel to the provider named by DELIVERY_SMS / _EMAIL / _CALL, records every
 * attempt in the delivery log, and forwards SMS by e-mail where a rule says so (R11).
 */
export function createDeliveryService(deps: DeliveryDeps): DeliveryService {
  const problems = chosenProviderProblems(deps.settings, deps.providers)
  if (problems.length) throw new ConfigError(problems)
  const chosen = chosenProviders(deps.settings)

  async function deliver(
    message: OutboundMessage,
    context: DeliveryContext,
    scope: Scoped,
    forwardedFrom?: string,
  ): Promise<{ receipt?: DeliveryReceipt; logId: string; error?: unknown }> {
    const providerId = chosen[message.channel]
    const entry = deps.providers.get(providerId) as RegisteredProvider
    const log = logFor(context)
    try {
      const send: DeliveryProvider['send'] = entry.provider.send.bind(entry.provider)
      const receipt = await send(message, context)
      const outcome = { ...receipt, provider: providerId, forwardedFrom }
      const row = await deliveryLogRow(message, outcome, deps.now())
      if (scope.unlogged) scope.unlogged.push(row.statement)
      else await scope.sql.execute(row.statement)
      const logId = row.id
      log.info('delivery sent', {
        channel: message.channel,
        provider: providerId,
        purpose: message.purpose,
        status: receipt.status,
      })
      return { receipt, logId }
    } catch (error) {
      // A provider may itself depend on SQL (console delivery keeps its outbox there).
      scope.dependencies.note(error)
      const errorCode = error instanceof DeliveryError ? error.code : 'provider_unavailable'
      const errorMessage = error instanceof Error ? error.message : String(error)
      log.warn('delivery failed', {
        channel: message.channel,
        provider: providerId,
        errorCode,
        purpose: message.purpose,
      })
      const logId = await recordDelivery(
        scope.sql,
        message,
        { provider: providerId, status: 'failed', errorCode, errorMessage, forwardedFrom },
        deps.now(),
      )
      return { logId, error }
    }
  }

  // Inside a request, lines carry its id: the request's own logger, or the id added here.
  function logFor(context: DeliveryContext): Logger {
    if (context.log) return context.log.child({ component: 'delivery' })
    return context.requestId ? deps.log.child({ requestId: context.requestId }) : deps.log
  }

  async function forward(
    message: OutboundMessage,
    smsLogId: string,
    context: DeliveryContext,
    scope: Scoped,
  ): Promise<void> {
    const address =
      context.forwardTo !== undefined
        ? context.forwardTo
        : await forwardingAddress(scope.sql, message.to)
    if (!address) return
    const copy: OutboundMessage = {
      channel: 'email',
      to: address,
      subject: `SMS для ${message.to} / SMS for ${message.to}`,
      text: `${message.text ?? ''}\n\n— Propusk: копия SMS на ${message.to} (переадресация). / Copy of an SMS to ${message.to} (forwarding).`,
      purpose: `sms-forward:${message.purpose}`,
      idempotencyKey: `${message.idempotencyKey}:forward`,
      ...(message.appId ? { appId: message.appId } : {}),
    }
    await deliver(copy, context, scope, smsLogId)
  }

  async function sendScoped(
    message: OutboundMessage,
    context: DeliveryContext,
    unlogged?: SqlStatement[],
  ): Promise<DeliveryReceipt> {
    // Once SQL failed this send (the provider's own write, or the record of its answer), the
    // failure record and the forwarding lookup fail at once instead of each waiting out its
    // own deadline: the first failing call bounds the send.
    const dependencies = new DependencyScope()
    const sql = dependencies.guard(deps.sql, 'sql', ['close'])
    const scope: Scoped = { dependencies, sql, ...(unlogged ? { unlogged } : {}) }
    try {
      const outcome = await deliver(message, context, scope)
      // Forwarded whatever the SMS provider said: the rule exists for people whose SMS do not arrive.
      if (message.channel === 'sms') await forward(message, outcome.logId, context, scope)
      if (outcome.error !== undefined) throw outcome.error
      return outcome.receipt as DeliveryReceipt
    } catch (error) {
      // A caller that gets an error gets no rows: what was accepted (a forwarded copy of a failed
      // SMS) is logged here, unless SQL is what failed.
      if (unlogged?.length) {
        await sql.batch(unlogged.splice(0)).catch((failure: unknown) => dependencies.note(failure))
      }
      // The call that waited and failed explains the answer, not the ones refused after it.
      throw dependencies.firstOf(error)
    }
  }

  return {
    providerFor: (channel) => chosen[channel],
    send: (message, context = {}) => sendScoped(message, context),
    async sendUnlogged(message, context = {}) {
      const log: SqlStatement[] = []
      return { receipt: await sendScoped(message, context, log), log }
    },
    updateStatus: (update) => updateDeliveryStatus(deps.sql, update, deps.now()),
  }
}
