/**
 * The files of a new delivery provider: each SMS is one JSON POST to the vendor's URL with a
 * Bearer key, retried by the core's rules; `validate` stops startup when it is selected without
 * its URL or key.
 */

/** @param {import('./names.mjs').Names} n */
export function deliveryIndex(n) {
  const env = n.envPrefix
  return `import {
  DeliveryError,
  type DeliveryReceipt,
  defineDeliveryProvider,
  type OutboundMessage,
  providers,
} from 'propusk/plugin'
import * as z from 'zod'

// URL and key are optional here: the plugin is installed everywhere, checked only where selected.
const settings = z.object({
  url: z.url().optional().describe('${env}_URL: where each SMS is posted'),
  apiKey: z.string().min(1).optional().describe('${env}_API_KEY (secret): the Bearer key'),
  ...providers.retrySettings('on 429, 5xx, timeouts and network errors'),
})

/** The vendor's answer: 2xx with an optional message id, or the DeliveryError it means. */
async function read(response: Response): Promise<DeliveryReceipt> {
  const answer = await providers.readJsonBody<{ id?: unknown }>(response)
  if (response.status === 429 || response.status >= 500) {
    throw new DeliveryError('provider_unavailable', \`${n.title} answered \${response.status}\`, true)
  }
  if (!response.ok) {
    throw new DeliveryError('provider_rejected', \`${n.title} refused: \${response.status}\`)
  }
  return {
    provider: '${n.id}',
    status: 'sent',
    ...(typeof answer?.id === 'string' ? { messageId: answer.id } : {}),
  }
}

/** ${n.title}: SMS through the vendor's HTTP API. */
export const ${n.ident} = defineDeliveryProvider({
  id: '${n.id}',
  kind: 'delivery-provider',
  name: '${n.label}',
  description: 'Sends SMS through the ${n.title} HTTP API.',
  // The console shows this to Russian admins: the name is the id in Cyrillic until you translate it.
  localized: {
    ru: { name: 'Доставка ${n.ruTitle}', description: 'Отправляет SMS через HTTP API ${n.ruTitle}.' },
  },
  channels: ['sms'],
  settings,
  settingsFromEnv: (env) =>
    providers.presentEnv({ url: env.${env}_URL, apiKey: env.${env}_API_KEY }),
  validate(s, env) {
    if (env.DELIVERY_SMS !== '${n.id}') return []
    return [
      ...(s.url ? [] : ['${env}_URL is required when DELIVERY_SMS=${n.id}']),
      ...(s.apiKey ? [] : ['${env}_API_KEY is required (wrangler secret put ${env}_API_KEY)']),
    ]
  },
  createProvider(ctx) {
    const request = (message: OutboundMessage) => {
      const { url, apiKey } = ctx.settings
      if (!url || !apiKey) {
        throw new DeliveryError('provider_unavailable', '${n.id} is not configured')
      }
      return new Request(url, {
        method: 'POST',
        headers: {
          Authorization: \`Bearer \${apiKey}\`,
          'Content-Type': 'application/json',
          'Idempotency-Key': message.idempotencyKey,
        },
        body: JSON.stringify({ to: message.to, text: message.text ?? '' }),
      })
    }
    return {
      send: (message) =>
        providers.sendToProvider(() => request(message), {
          ...ctx.settings,
          provider: '${n.title}',
          // A request that may have arrived is not repeated. Drop this line if the vendor
          // deduplicates by Idempotency-Key.
          duplicate: 'a second SMS',
          read,
          log: ctx.log,
          name: ctx.pluginId,
        }),
    }
  },
})
`
}

/** @param {import('./names.mjs').Names} n */
export function deliveryTest(n) {
  const env = n.envPrefix
  return `import { afterEach, describe, expect, it } from 'vitest'
import {
  createTestPropusk,
  type FakeHttp,
  type FakeResponse,
  registeredPlugins,
  startFakeHttp,
  type TestPropusk,
} from 'propusk/testing'
import { ${n.ident} } from './index.ts'

let running: TestPropusk | undefined
let vendor: FakeHttp | undefined
afterEach(async () => {
  await running?.close()
  await vendor?.close()
  running = vendor = undefined
})

const appType = registeredPlugins.find((p) => p.kind === 'client-app-type')?.id ?? 'web'
const phone = '+79161234567'

/** A Propusk whose SMS go through this provider to a local fake of the vendor's API. */
async function start(answers: FakeResponse[], env: Record<string, string> = {}) {
  vendor = (await startFakeHttp()).respond(...answers)
  // Listed after the registered plugins: the same test runs before and after registration.
  const p = (running = await createTestPropusk({
    plugins: [...registeredPlugins, ${n.ident}],
    env: {
      DELIVERY_SMS: '${n.id}',
      ${env}_URL: \`\${vendor.url}/messages\`,
      ${env}_API_KEY: 'test-key',
      ...env,
    },
    settings: { '${n.id}': { retryDelayMs: 1 } },
  }))
  const role = await p.createRole({ appTypes: [appType] })
  await p.insertUser({ phone, roleIds: [role] })
  const clientId = await p.createApp({ type: appType, methods: ['sms-otp'] })
  const send = () => p.request('/v1/auth/sms-otp/send', { body: { login: phone, clientId } })
  return { p, clientId, send, requests: vendor.requests }
}

describe('${n.id}', () => {
  it('posts the sign-in code, which then signs the person in', async () => {
    const { p, clientId, send, requests } = await start([{ status: 202, json: { id: 'm-1' } }])
    const sent = await send()
    expect(sent.status).toBe(200)
    const { challengeId } = (await sent.json()) as { challengeId: string }

    expect(requests).toHaveLength(1)
    const [request] = requests
    expect(request).toMatchObject({ method: 'POST', path: '/messages' })
    expect(request?.headers.authorization).toBe('Bearer test-key')
    const body = request?.json<{ to: string; text: string }>()
    expect(body?.to).toBe(phone)
    const code = /#(\\d+)$/.exec(body?.text ?? '')?.[1]
    expect(code, body?.text).toMatch(/^\\d+$/)

    const verify = await p.request('/v1/auth/sms-otp/verify', {
      body: { challengeId, code, clientId },
    })
    expect(verify.status).toBe(200)
  })

  it('retries a busy vendor', async () => {
    const { send, requests } = await start([{ status: 503, text: 'busy' }, { status: 200 }])
    expect((await send()).status).toBe(200)
    expect(requests).toHaveLength(2)
  })

  it('does not repeat a refusal, and the sign-in says the code could not be sent', async () => {
    const { send, requests } = await start([{ status: 400, json: { error: 'bad number' } }])
    const refused = await send()
    expect(refused.status).toBe(503)
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'otp_delivery_unavailable',
    )
    expect(requests).toHaveLength(1)
  })

  it('stops startup when selected without its URL and key', async () => {
    await expect(start([], { ${env}_URL: '', ${env}_API_KEY: '' })).rejects.toThrow(
      /${env}_URL[\\s\\S]*${env}_API_KEY/,
    )
  })
})
`
}

/** @param {import('./names.mjs').Names} n */
export function deliveryReadme(n) {
  const env = n.envPrefix
  return `# ${n.label} (\`${n.id}\`)

A delivery provider: with \`DELIVERY_SMS=${n.id}\` every SMS (sign-in codes, links) is one
\`POST\` of \`{"to": "+7…", "text": "…"}\` to \`${env}_URL\` with \`Authorization: Bearer
${env}_API_KEY\` and an \`Idempotency-Key\`. A 2xx is sent (its JSON \`id\` becomes the message
id); 429 and 5xx are retried; any other answer is a refusal. Change \`read()\` and the request
body in \`index.ts\` to the vendor's API.

## Settings

| Setting        | Env                | Default | Meaning                         |
| -------------- | ------------------ | ------- | ------------------------------- |
| \`url\`          | \`${env}_URL\`     |         | Where each SMS is posted        |
| \`apiKey\`       | \`${env}_API_KEY\` |         | The Bearer key (a secret)       |
| \`timeoutMs\`    |                    | 10000   | Per request                     |
| \`maxRetries\`   |                    | 2       | Retries of 429, 5xx and timeouts |
| \`retryDelayMs\` |                    | 250     | First retry delay; doubles      |

Selected without its URL or key, Propusk refuses to start and names the missing one.

## Testing

\`npx vitest run plugins/delivery/${n.id}\`: the test starts a whole Propusk with
\`createTestPropusk\` from \`propusk/testing\`, asks for a sign-in code over HTTP and answers the
provider's requests from the kit's local fake server (\`startFakeHttp\`). See docs/plugins.md.
`
}
