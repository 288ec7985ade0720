import { defineDeliveryProvider } from 'propusk/plugin'
import * as z from 'zod'
import { createConsoleProvider } from './provider.ts'
import { mountOutboxRoutes } from './routes.ts'
import { migrations } from './schema.ts'

const settings = z.object({
  printToTerminal: z.boolean().default(true).describe('Print every message to the terminal'),
  exposeOutbox: z
    .boolean()
    .default(true)
    .describe('Serve the outbox API (only ever in development mode)'),
})

export type ConsoleDeliverySettings = z.output<typeof settings>

/** Local delivery: SMS, e-mail and calls land in the terminal and an outbox, nowhere else. */
export const consoleDelivery = defineDeliveryProvider({
  id: 'console-delivery',
  kind: 'delivery-provider',
  name: 'Console delivery',
  localized: {
    ru: {
      name: 'Доставка в консоль',
      description: 'Печатает SMS, письма и звонки в терминал и хранит их в локальных «Исходящих».',
    },
  },
  description:
    'Prints SMS, e-mails and flash calls to the terminal and keeps them in a local outbox.',
  channels: ['sms', 'email', 'call'],
  settings,
  migrations,
  errorCodes: {
    outbox_disabled: {
      status: 404,
      message: 'The outbox exists only on a local development install.',
    },
  },
  createProvider: (ctx) =>
    createConsoleProvider({
      sql: ctx.sql,
      printToTerminal: ctx.settings.printToTerminal,
      log: ctx.log,
      now: ctx.now,
    }),
  routes: (router, ctx) => mountOutboxRoutes(router, ctx),
})
