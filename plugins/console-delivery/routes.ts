import {
  createRoute,
  z,
  type AppEnv,
  type OpenAPIHono,
  type PluginContext,
} from '../../src/core/index.ts'
import { outboxEntryFromRow } from './provider.ts'
import type { ConsoleDeliverySettings } from './index.ts'

const outboxEntry = z
  .object({
    id: z.string(),
    channel: z.enum(['sms', 'email', 'call']),
    recipient: z.string(),
    subject: z.string().nullable(),
    text: z.string().nullable(),
    html: z.string().nullable(),
    purpose: z.string(),
    appId: z.string().nullable(),
    callerNumber: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('OutboxEntry')

const listOutbox = createRoute({
  method: 'get',
  path: '/outbox',
  tags: ['Console delivery'],
  summary: 'Messages that console delivery "sent" (local mode only)',
  request: {
    query: z.object({
      recipient: z
        .string()
        .optional()
        .openapi({ description: 'Only messages to this phone or e-mail' }),
      channel: z.enum(['sms', 'email', 'call']).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
  },
  responses: {
    200: {
      description: 'Newest first',
      content: { 'application/json': { schema: z.object({ messages: z.array(outboxEntry) }) } },
    },
    404: { description: 'The outbox is disabled (production mode or setting off)' },
  },
})

export function mountOutboxRoutes(
  router: OpenAPIHono<AppEnv>,
  ctx: PluginContext<ConsoleDeliverySettings>,
): void {
  router.openapi(listOutbox, async (c) => {
    // The outbox holds live codes and links: it exists only on a local development install.
    if (!ctx.settings.exposeOutbox || ctx.config.PROPUSK_MODE !== 'development') {
      throw ctx.errors.error('outbox_disabled')
    }
    const { recipient, channel, limit } = c.req.valid('query')
    const where: string[] = []
    const args: string[] = []
    if (recipient) {
      where.push('recipient = ?')
      args.push(recipient)
    }
    if (channel) {
      where.push('channel = ?')
      args.push(channel)
    }
    const { rows } = await ctx.sql.execute({
      sql: `SELECT * FROM console_outbox ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
            ORDER BY created_at DESC, rowid DESC LIMIT ${limit}`,
      args,
    })
    return c.json(
      {
        messages: rows.map((row) => outboxEntryFromRow(row)) as Array<z.infer<typeof outboxEntry>>,
      },
      200,
    )
  })
}
