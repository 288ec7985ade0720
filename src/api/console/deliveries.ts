import { createRoute } from '@hono/zod-openapi'
import * as z from 'zod'
import type { OpenAPIHono } from '@hono/zod-openapi'
import { coreError } from '../../kernel/errors.ts'
import { base64UrlDecode, base64UrlEncode } from '../../kernel/crypto.ts'
import type { SqlRow } from '../../kernel/ports/sql.ts'
import type { AppEnv, CoreServices } from '../../kernel/services.ts'
import { errorResponse } from '../../kernel/http/api-docs.ts'
import { requireAuth } from '../auth.ts'
import { listDeliveryLog } from '../../modules/delivery/index.ts'

export const deliverySchema = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    channel: z.enum(['sms', 'email', 'call']),
    provider: z.string(),
    recipient: z.string().describe('Masked, e.g. +7916•••4567'),
    appId: z.string().nullable(),
    appName: z.string().nullable().describe('The app’s name now (null: no app, or deleted)'),
    purpose: z.string(),
    status: z.enum(['queued', 'sent', 'delivered', 'failed']),
    providerMessageId: z.string().nullable(),
    errorCode: z.string().nullable(),
    errorMessage: z.string().nullable(),
    cost: z.object({ amount: z.string(), currency: z.string() }).nullable(),
    forwardedFrom: z.string().nullable(),
  })
  .openapi('DeliveryLogEntry')

const listRoute = createRoute({
  method: 'get',
  path: '/v1/admin/deliveries',
  operationId: 'adminListDeliveries',
  tags: ['Admin console'],
  summary: 'The delivery log: every SMS, e-mail and call Propusk sent, newest first',
  security: [{ bearerAuth: [] }],
  middleware: [requireAuth({ appTypes: ['admin-console'], permission: 'audit:read' })] as const,
  request: {
    query: z.object({
      channel: z.enum(['sms', 'email', 'call']).optional(),
      status: z.enum(['queued', 'sent', 'delivered', 'failed']).optional(),
      provider: z.string().max(60).optional(),
      purpose: z.string().max(60).optional(),
      appId: z.string().max(120).optional(),
      recipient: z
        .string()
        .max(320)
        .optional()
        .openapi({ description: 'Exact phone (E.164) or e-mail: matched by hash' }),
      from: z.iso.datetime({ offset: true }).optional(),
      to: z.iso.datetime({ offset: true }).optional(),
      cursor: z.string().max(200).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
  },
  responses: {
    200: {
      description: 'A page of the log',
      content: {
        'application/json': {
          schema: z.object({ items: z.array(deliverySchema), nextCursor: z.string().nullable() }),
        },
      },
    },
    400: errorResponse('`validation_failed`: a bad filter or cursor'),
    401: errorResponse('`unauthorized`: no or bad access token'),
    403: errorResponse('`forbidden`: not an admin-console token with audit:read'),
  },
})

const text = (row: SqlRow, key: string) => (row[key] == null ? null : String(row[key]))

function toEntry(row: SqlRow): z.infer<typeof deliverySchema> {
  const amount = text(row, 'cost_amount')
  return {
    id: String(row.id),
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
    channel: String(row.channel) as 'sms',
    provider: String(row.provider),
    recipient: String(row.recipient_masked),
    appId: text(row, 'app_id'),
    appName: text(row, 'app_name'),
    purpose: String(row.purpose),
    status: String(row.status) as 'sent',
    providerMessageId: text(row, 'provider_message_id'),
    errorCode: text(row, 'error_code'),
    errorMessage: text(row, 'error_message'),
    cost: amount ? { amount, currency: text(row, 'cost_currency') ?? '' } : null,
    forwardedFrom: text(row, 'forwarded_from'),
  }
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const [time, id] = new TextDecoder().decode(base64UrlDecode(cursor)).split('|')
    if (time && id) return [time, id]
  } catch {
    // reported below
  }
  throw coreError('bad_request', 'The cursor is not one this server gave out.')
}

export function mountDeliveries(app: OpenAPIHono<AppEnv>, services: CoreServices): void {
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid('query')
    const after = q.cursor ? decodeCursor(q.cursor) : undefined
    const rows = await listDeliveryLog(services.sql, {
      ...(q.channel ? { channel: q.channel } : {}),
      ...(q.status ? { status: q.status } : {}),
      ...(q.provider ? { provider: q.provider } : {}),
      ...(q.purpose ? { purpose: q.purpose } : {}),
      ...(q.appId ? { appId: q.appId } : {}),
      ...(q.recipient ? { recipient: q.recipient.trim() } : {}),
      ...(q.from ? { from: new Date(q.from).toISOString() } : {}),
      ...(q.to ? { to: new Date(q.to).toISOString() } : {}),
      ...(after ? { after: { createdAt: after[0], id: after[1] } } : {}),
      limit: q.limit + 1,
    })
    const items = rows.slice(0, q.limit).map(toEntry)
    const last = items.at(-1)
    const nextCursor =
      rows.length > q.limit && last
        ? base64UrlEncode(new TextEncoder().encode(`${last.createdAt}|${last.id}`))
        : null
    return c.json({ items, nextCursor }, 200)
  })
}
