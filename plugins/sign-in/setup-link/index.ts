import { defineSignInMethod } from 'propusk/plugin'
import * as z from 'zod'
import { mountSetupLinkRoutes } from './routes.ts'
import { isSetupPending, issueSetupToken, migrations } from './store.ts'

const settings = z.object({
  linkTtlHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(24)
    .describe('How long a first-administrator link works'),
})

export type SetupLinkSettings = z.output<typeof settings>

/**
 * Sign-in by a one-time link printed on the server's terminal: the only way in before any
 * administrator exists. Each start prints a new link until one has been used. Operators locked
 * out later get a recovery link from `npm run setup-link -- --recover` (see store.ts).
 */
export const setupLink = defineSignInMethod({
  id: 'setup-link',
  kind: 'sign-in-method',
  name: 'First-administrator link',
  localized: {
    ru: {
      name: 'Ссылка первого администратора',
      description: 'Одноразовая ссылка при первом запуске, создающая первого администратора.',
    },
  },
  description: 'A one-time link, printed at start-up, that creates the first administrator.',
  loginKinds: [],
  settings,
  migrations,
  rateLimits: {
    verifyPerIp: {
      limit: 10,
      windowMs: 15 * 60_000,
      description: 'Link checks per IP per 15 minutes',
    },
    completePerIp: {
      limit: 10,
      windowMs: 15 * 60_000,
      description: 'Link completions per IP per 15 minutes',
    },
  },
  errorCodes: {
    setup_link_invalid: { status: 400, message: 'This setup link is unknown, used or expired.' },
  },
  routes: (router, ctx) => mountSetupLinkRoutes(router, ctx),
  async onStart(ctx) {
    if (!(await isSetupPending(ctx.sql))) return
    const token = await issueSetupToken(ctx.sql, ctx.now(), ctx.settings.linkTtlHours)
    const link = new URL(`/setup?token=${token}`, ctx.config.PUBLIC_URL).toString()
    console.log(
      `\nNo administrator yet. Open this one-time link to create the first one ` +
        `(valid ${ctx.settings.linkTtlHours} h):\n\n  ${link}\n`,
    )
  },
})

export {
  isSetupPending,
  issueRecoveryLink,
  issueSetupToken,
  inspectSetupToken,
  RECOVERY_LINK_TTL_HOURS,
  type SetupLinkPurpose,
} from './store.ts'
