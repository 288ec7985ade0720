/**
 * The Resend e-mail provider inside workerd (Miniflare), bundled by wrangler with the aliases the
 * deploy uses (plugins/delivery/resend-email/test-worker.ts), talking to the local fake of Resend's API:
 * the `resend` SDK runs on Workers, not only on Node.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Miniflare } from 'miniflare'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startFakeHttp, type FakeHttp } from '../support/fake-http.ts'
import { bundleWorker, repoRoot } from './support/worker-bundle.ts'

const email = {
  channel: 'email',
  to: 'ivan@example.com',
  subject: 'Код входа',
  text: 'Ваш код: 482193',
  purpose: 'otp',
  idempotencyKey: 'otp:chl_workerd:1',
}
const ok = { status: 200, json: { id: '4ef9a417-02e9-4d39-ad75-9611e0fcc33c' } }

let dir: string
let fake: FakeHttp
let miniflare: Miniflare | undefined

/** A wrangler config for the fixture, with the deploy's compatibility date and aliases. */
async function fixtureConfig(): Promise<string> {
  const toml = await readFile(join(repoRoot, 'wrangler.toml'), 'utf8')
  const date = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(toml)?.[1]
  const alias = /^\[alias\]\n((?:"[^"]+"\s*=\s*"[^"]+"\n)+)/m.exec(toml)?.[1]
  if (!date || !alias) throw new Error('wrangler.toml has no compatibility_date or [alias]')
  const absolute = alias.replace(/= "\.\/([^"]+)"/g, (_, path: string) => `= "${repoRoot}/${path}"`)
  const config = join(dir, 'wrangler.toml')
  await writeFile(
    config,
    `name = "resend-workerd-test"\nmain = "${repoRoot}/plugins/delivery/resend-email/test-worker.ts"\n` +
      `compatibility_date = "${date}"\n\n[alias]\n${absolute}`,
  )
  return config
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'propusk-resend-workerd-'))
  fake = await startFakeHttp()
  const bundle = await bundleWorker({ outDir: join(dir, 'worker'), config: await fixtureConfig() })
  miniflare = new Miniflare({
    modules: true,
    scriptPath: bundle.scriptPath,
    modulesRoot: bundle.dir,
    compatibilityDate: bundle.compatibilityDate,
    bindings: { RESEND_BASE_URL: fake.url },
  })
  await miniflare.ready
}, 120_000)

afterAll(async () => {
  await miniflare?.dispose()
  await fake?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

beforeEach(() => {
  fake.requests.length = 0
})

async function send(): Promise<{ status: number; body: Record<string, unknown> }> {
  if (!miniflare) throw new Error('the Worker did not start (see beforeAll)')
  const response = await miniflare.dispatchFetch('http://worker/', {
    method: 'POST',
    body: JSON.stringify(email),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

describe('resend-email in workerd', () => {
  it('sends the documented request through the SDK', async () => {
    fake.respond(ok)
    expect(await send()).toEqual({
      status: 200,
      body: { provider: 'resend-email', status: 'sent', messageId: ok.json.id },
    })
    const [request] = fake.requests
    expect(request).toMatchObject({ method: 'POST', path: '/emails' })
    expect(request?.headers).toMatchObject({
      authorization: 'Bearer re_workerd_key',
      'content-type': 'application/json',
      'idempotency-key': 'otp:chl_workerd:1',
      'user-agent': expect.stringMatching(/^resend-node:/),
    })
    expect(request?.json()).toEqual({
      from: 'Propusk <no-reply@example.com>',
      to: ['ivan@example.com'],
      subject: 'Код входа',
      text: 'Ваш код: 482193',
    })
  })

  it('times out, retries a 503 with the same key, and maps a refused recipient', async () => {
    const late = () => new Promise<typeof ok>((resolve) => setTimeout(() => resolve(ok), 1_000))
    fake.respond(late, { status: 503, text: 'unavailable' }, ok)
    expect((await send()).body).toMatchObject({ messageId: ok.json.id })
    expect(fake.requests.map((r) => r.headers['idempotency-key'])).toEqual([
      'otp:chl_workerd:1',
      'otp:chl_workerd:1',
      'otp:chl_workerd:1',
    ])

    const invalidTo = 'Invalid `to` field. The email address needs to follow the format.'
    fake.respond({
      status: 422,
      json: { statusCode: 422, name: 'validation_error', message: invalidTo },
    })
    expect(await send()).toEqual({
      status: 502,
      body: { code: 'invalid_recipient', retryable: false },
    })
  })
})
