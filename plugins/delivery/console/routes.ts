import {
  type AppEnv,
  createRoute,
  errorResponse,
  type OpenAPIHono,
  type PluginContext,
  requireAuth,
} from 'propusk/plugin'
import * as z from 'zod'
import { listMessages } from './store.ts'
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
  operationId: 'consoleDeliveryListOutbox',
  tags: ['Console delivery'],
  summary: 'Messages that console delivery "sent" (local mode only)',
  description:
    'The outbox holds live one-time codes and invitation links, so it takes an admin-console ' +
    'access token with `users:write` (whoever may invite people and reset their passwords). ' +
    'Outside development mode it does not exist (404 `outbox_disabled`), token or not.',
  security: [{ bearerAuth: [] }],
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
    400: errorResponse('`validation_failed`: a bad filter or limit'),
    401: errorResponse('`unauthorized`: no or bad token'),
    403: errorResponse('`forbidden`: not an admin-console token with `users:write`'),
    404: errorResponse('`outbox_disabled`: production mode or setting off'),
  },
})

export function mountOutboxRoutes(
  router: OpenAPIHono<AppEnv>,
  ctx: PluginContext<ConsoleDeliverySettings>,
): void {
  // The outbox holds live codes and links: it exists only on a local development install, and
  // even there only an admin who could reset people's credentials anyway may read it. Disabled
  // comes first, so a production install answers 404 whoever asks.
  router.use(listOutbox.path, async (_c, next) => {
    if (!ctx.settings.exposeOutbox || ctx.config.PROPUSK_MODE !== 'development') {
      throw ctx.errors.error('outbox_disabled')
    }
    await next()
  })
  router.use(
    listOutbox.path,
    requireAuth({ appTypes: ['admin-console'], permission: 'users:write' }),
  )
  router.openapi(listOutbox, async (c) => {
    const { recipient, channel, limit } = c.req.valid('query')
    const messages = await listMessages(ctx.sql, { recipient, channel, limit })
    return c.json(
      {
        messages: messages as Array<z.infer<typeof outboxEntry>>,
      },
      200,
    )
  })
}
