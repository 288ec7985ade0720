/**
 * Account endpoints reached without a token: accept an invitation, request and complete a
 * password reset.
 */
import { createRoute } from '@hono/zod-openapi'
import * as z from 'zod'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv, CoreServices } from '../../kernel/services.ts'
import { sha256Hex } from '../../kernel/crypto.ts'
import { ApiError } from '../../kernel/errors.ts'
import {
  acceptInvitation,
  completePasswordReset,
  sendPasswordReset,
} from '../../modules/onboarding/index.ts'
import { errorResponse } from '../../kernel/http/api-docs.ts'
import { runInBackground } from '../../kernel/http/background.ts'

const token = z.string().min(20).max(200).openapi({ description: 'The token from the link' })
const password = z
  .string()
  .min(1)
  .max(1024)
  .openapi({ description: 'The new password (NFKC, 8–128 characters)' })

const accountUser = z
  .object({
    id: z.string(),
    displayName: z.string(),
    status: z.enum(['invited', 'active', 'blocked']),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  })
  .openapi('AccountUser')

const acceptRoute = createRoute({
  method: 'post',
  path: '/v1/invitations/accept',
  operationId: 'invitationAccept',
  security: [],
  tags: ['Account'],
  summary: 'Accept an invitation: create the password and activate the account (R2, R3)',
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ token, password }) } },
    },
  },
  responses: {
    200: {
      description: 'The account is active',
      content: { 'application/json': { schema: z.object({ user: accountUser }) } },
    },
    400: errorResponse(
      '`invitation_invalid`, `password_too_short`, `password_too_long`, `password_too_common`, `password_contains_identity`, `validation_failed`',
    ),
    429: errorResponse('`rate_limited`'),
  },
})

const requestResetRoute = createRoute({
  method: 'post',
  path: '/v1/password-resets',
  operationId: 'passwordResetRequest',
  security: [],
  tags: ['Account'],
  summary: 'Request a password reset link (always 202: reveals nothing about accounts)',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            login: z
              .string()
              .trim()
              .min(3)
              .max(320)
              .openapi({ description: 'Phone (any format) or e-mail' }),
          }),
        },
      },
    },
  },
  responses: {
    202: {
      description: 'Accepted',
      content: { 'application/json': { schema: z.object({ accepted: z.literal(true) }) } },
    },
    429: errorResponse('`rate_limited` (per IP)'),
  },
})

const completeResetRoute = createRoute({
  method: 'post',
  path: '/v1/password-resets/complete',
  operationId: 'passwordResetComplete',
  security: [],
  tags: ['Account'],
  summary: 'Set a new password with a reset link; ends every session of the user',
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ token, password }) } },
    },
  },
  responses: {
    200: {
      description: 'The password is changed',
      content: { 'application/json': { schema: z.object({ user: accountUser }) } },
    },
    400: errorResponse('`reset_link_invalid`, `password_*` policy codes, `validation_failed`'),
    429: errorResponse('`rate_limited`'),
  },
})

export const accountRateLimits = {
  acceptPerIp: {
    limit: 20,
    windowMs: 15 * 60_000,
    description: 'Invitation accepts per IP per 15 minutes',
  },
  resetRequestPerIp: {
    limit: 10,
    windowMs: 15 * 60_000,
    description: 'Reset requests per IP per 15 minutes',
  },
  resetRequestPerLogin: {
    limit: 3,
    windowMs: 60 * 60_000,
    description: 'Reset links sent per login per hour',
  },
  resetCompletePerIp: {
    limit: 20,
    windowMs: 15 * 60_000,
    description: 'Reset completions per IP per 15 minutes',
  },
}

const userView = (u: {
  id: string
  displayName: string
  status: 'invited' | 'active' | 'blocked'
  phone: string | null
  email: string | null
}) => ({
  id: u.id,
  displayName: u.displayName,
  status: u.status,
  phone: u.phone,
  email: u.email,
})

export function mountAccountApi(app: OpenAPIHono<AppEnv>, services: CoreServices): void {
  app.openapi(acceptRoute, async (c) => {
    await services.limits.consume('account', 'acceptPerIp', c.get('clientIp'))
    const user = await acceptInvitation(services, c.req.valid('json'), {
      ip: c.get('clientIp'),
      requestId: c.get('requestId'),
    })
    return c.json({ user: userView(user) }, 200)
  })

  app.openapi(requestResetRoute, async (c) => {
    const ip = c.get('clientIp')
    await services.limits.consume('account', 'resetRequestPerIp', ip)
    const { login } = c.req.valid('json')
    // The answer is the same whatever happens, and so is its timing: looking the login up and
    // sending the link run after the answer, so a known account does not answer slower.
    runInBackground(
      c,
      handleResetRequest(services, login, { actorId: null, ip, requestId: c.get('requestId') }),
      'password reset request',
    )
    return c.json({ accepted: true as const }, 202)
  })

  app.openapi(completeResetRoute, async (c) => {
    await services.limits.consume('account', 'resetCompletePerIp', c.get('clientIp'))
    const user = await completePasswordReset(services, c.req.valid('json'), {
      ip: c.get('clientIp'),
      requestId: c.get('requestId'),
    })
    return c.json({ user: userView(user) }, 200)
  })
}

/** Sends a reset link if `login` names an active user; audits every other outcome. */
async function handleResetRequest(
  services: CoreServices,
  login: string,
  context: { actorId: null; ip: string; requestId: string },
): Promise<void> {
  const user = await services.identity.users.findByLogin(login)
  try {
    // Per login: silently stop sending (no 429), so nobody can flood a person's inbox or phone.
    await services.limits.consume(
      'account',
      'resetRequestPerLogin',
      user ? `user:${user.id}` : await sha256Hex(login.toLowerCase()),
    )
    if (user?.status === 'active') {
      await sendPasswordReset(services, user, context)
    } else {
      await services.identity.audit.record({
        actorType: 'anonymous',
        action: 'password_reset.request',
        targetType: user ? 'user' : null,
        targetId: user?.id ?? null,
        result: 'failure',
        ip: context.ip,
        requestId: context.requestId,
        details: { reason: user ? `user_${user.status}` : 'unknown_login' },
      })
    }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    services.log.info('password reset not sent', {
      reason: error.code,
      requestId: context.requestId,
    })
  }
}
