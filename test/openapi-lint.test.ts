/**
 * /openapi.json is what typed clients are generated from, so it must lint clean with Redocly's
 * `recommended` rules (redocly.yaml), and every operation must carry a unique, stable
 * operationId, a `security` statement and its client errors in the one shared `Error` schema.
 * The CLI is the only public interface of @redocly/cli (openapi-core is bundled inside it).
 */
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestPropusk, type TestPropusk } from './support/propusk.ts'

const root = resolve(fileURLToPath(new URL('..', import.meta.url)))
const redocly = join(root, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js')

interface Operation {
  operationId?: string
  security?: unknown[]
  parameters?: unknown[]
  requestBody?: unknown
  responses: Record<string, { content?: unknown }>
}
interface Document {
  paths: Record<string, Record<string, Operation>>
}
interface LintReport {
  problems: Array<{ ruleId: string; message: string; location: Array<{ pointer: string }> }>
}

let propusk: TestPropusk
let doc: Document
let dir: string
beforeAll(async () => {
  // An https origin like a real install's: a localhost server URL is what the
  // `no-server-example.com` rule warns about, rightly, for a published document.
  propusk = await createTestPropusk({ env: { PUBLIC_URL: 'https://id.propusk.test' } })
  doc = (await (await propusk.app.request('/openapi.json')).json()) as Document
  dir = await mkdtemp(join(tmpdir(), 'propusk-openapi-'))
})
afterAll(async () => {
  await propusk.close()
  await rm(dir, { recursive: true, force: true })
})

function operations(): Array<{ name: string; op: Operation }> {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      name: `${method.toUpperCase()} ${path}`,
      op,
    })),
  )
}

/** Runs `redocly lint` on the document; it exits 1 when it finds problems, so read stdout. */
async function lint(file: string): Promise<LintReport> {
  const args = [redocly, 'lint', file, '--config', join(root, 'redocly.yaml')]
  const stdout = await new Promise<string>((done, fail) => {
    execFile(
      process.execPath,
      [...args, '--format', 'json', '--max-problems', '1000'],
      {
        cwd: root,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, out, err) => (out.trim() ? done(out) : fail(error ?? new Error(err))),
    )
  })
  return JSON.parse(stdout) as LintReport
}

describe('/openapi.json', () => {
  it('lints clean with redocly recommended: no errors, no warnings', async () => {
    const file = join(dir, 'openapi.json')
    await writeFile(file, JSON.stringify(doc))
    const report = await lint(file)
    const problems = report.problems.map(
      (p) => `${p.ruleId} at ${p.location[0]?.pointer ?? '?'}: ${p.message}`,
    )
    expect(problems).toEqual([])
  }, 60_000)

  it('gives every operation a unique camelCase operationId', () => {
    const all = operations()
    expect(all.length).toBeGreaterThan(60)
    for (const { name, op } of all) expect(op.operationId, name).toMatch(/^[a-z][a-zA-Z0-9]+$/)
    const ids = all.map(({ op }) => op.operationId)
    const repeated = ids.filter((id, i) => ids.indexOf(id) !== i)
    expect(repeated).toEqual([])
  })

  it('states the security of every operation itself (no document-wide default)', () => {
    expect(doc).not.toHaveProperty('security')
    for (const { name, op } of operations()) expect(op.security, name).toBeInstanceOf(Array)
  })

  it('documents client errors with the one shared Error schema', () => {
    const shared = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
    for (const { name, op } of operations()) {
      const clientErrors = Object.keys(op.responses).filter((status) => status.startsWith('4'))
      for (const status of clientErrors) {
        expect(op.responses[status]?.content, `${name} ${status}`).toEqual(shared)
      }
      // redocly.yaml turns `operation-4xx-response` off only for reads without any input.
      const takesInput = Boolean(op.parameters?.length || op.requestBody || op.security?.length)
      if (takesInput) expect(clientErrors, `${name} has no 4xx`).not.toEqual([])
    }
  })
})
