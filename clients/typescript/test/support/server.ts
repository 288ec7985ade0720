/**
 * A real Propusk for the client's tests: `npm start`'s entry (src/runtime/node/main.ts) in a
 * child process on a free port, with its own libSQL file and the Redis TCP state store on the
 * suite's redis-server; an app and people made through the admin API, SMS codes read from the
 * development outbox as that admin.
 */
import { join } from 'node:path'
import { inject } from 'vitest'
import { adminAccessToken } from '../../../../test/runtime/support/admin-token.ts'
import { runSql, tempDir } from '../../../../test/runtime/support/databases.ts'
import { cleanUp, freePort, startServer } from '../../../../test/runtime/support/processes.ts'
import { serverEnv } from '../../../../test/runtime/support/server-env.ts'
import { uniquePrefix } from '../../../../test/runtime/support/state-keys.ts'
import { repoRoot } from '../../../../test/runtime/support/worker-bundle.ts'

export interface RunningPropusk {
  baseUrl: string
  /** An engineer-mobile app (SMS, flash call, e-mail code, password). */
  clientId: string
  /** Registers an app of `type`; returns its client secret (confidential types) or null. */
  createApp(id: string, type: string, settings?: Record<string, unknown>): Promise<string | null>
  /** An invited field employee with this phone (not signed in yet, no password). */
  invite(phone: string): Promise<void>
  /** The text of the newest SMS to `phone`. */
  smsText(phone: string): Promise<string>
  /** The code of the newest SMS to `phone`. */
  smsCode(phone: string): Promise<string>
  /** The code of the newest flash call to `phone`: the caller number's last 4 digits. */
  callCode(phone: string): Promise<string>
  stop(): Promise<void>
}

let counter = 0
/** A Russian mobile number no other test uses (codes and limits are per login). */
export function freshPhone(): string {
  counter += 1
  const digits = String((Date.now() % 1e5) * 100 + counter).padStart(7, '0')
  return `+7916${digits.slice(-7)}`
}

export async function startPropusk(): Promise<RunningPropusk> {
  const dir = await tempDir('propusk-client-')
  const port = await freePort()
  const server = await startServer({
    command: process.execPath,
    args: ['--import', 'tsx', join('src', 'runtime', 'node', 'main.ts')],
    cwd: repoRoot,
    port,
    env: serverEnv({
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dir.path,
      REDIS_URL: inject('redisUrl'),
      STATE_KEY_PREFIX: uniquePrefix('client'),
      LOG_LEVEL: 'warn',
      PLUGIN_SETTINGS: JSON.stringify({ 'console-delivery': { printToTerminal: false } }),
    }),
  }).catch(async (error: unknown) => {
    await dir.remove()
    throw error
  })
  const target = {
    fetch: (path: string, init?: RequestInit) => fetch(`${server.baseUrl}${path}`, init),
    sql: (statements: Parameters<typeof runSql>[1]) =>
      runSql(join(dir.path, 'propusk.db'), statements),
  }
  const admin = await adminAccessToken(target)
  const asAdmin = async (method: string, path: string, body?: unknown) => {
    const response = await target.fetch(path, {
      method,
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    if (!response.ok)
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
    return (await response.json()) as Record<string, unknown>
  }

  /** What console delivery "sent" to `recipient`, newest first. */
  const outbox = async (recipient: string, channel: 'sms' | 'call') => {
    const query = new URLSearchParams({ recipient, channel })
    const path = `/v1/providers/console-delivery/outbox?${query}`
    const { messages } = (await asAdmin('GET', path)) as {
      messages: Array<{ text: string | null; callerNumber: string | null }>
    }
    return messages
  }

  const clientId = 'field-app'
  const createApp = async (id: string, type: string, settings: Record<string, unknown> = {}) => {
    const app = { id, type, name: id, settings }
    const { clientSecret } = await asAdmin('POST', '/v1/admin/apps', app)
    return typeof clientSecret === 'string' ? clientSecret : null
  }
  await createApp(clientId, 'engineer-mobile')
  return {
    baseUrl: server.baseUrl,
    clientId,
    createApp,
    async invite(phone) {
      await asAdmin('POST', '/v1/admin/users', {
        kind: 'employee',
        displayName: `Engineer ${phone.slice(-4)}`,
        phone,
      })
    },
    async smsText(phone) {
      const [sms] = await outbox(phone, 'sms')
      if (!sms?.text) throw new Error(`no SMS was sent to ${phone}`)
      return sms.text
    },
    async smsCode(phone) {
      const [sms] = await outbox(phone, 'sms')
      const code = /#(\d+)$/.exec(sms?.text ?? '')?.[1]
      if (!code) throw new Error(`no sign-in code was sent to ${phone}`)
      return code
    },
    async callCode(phone) {
      const [call] = await outbox(phone, 'call')
      if (!call?.callerNumber) throw new Error(`no call was placed to ${phone}`)
      return call.callerNumber.slice(-4)
    },
    stop: () =>
      cleanUp(
        () => server.stop(),
        () => dir.remove(),
      ),
  }
}
