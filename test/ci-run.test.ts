import { execFile } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const script = resolve(dirname(fileURLToPath(import.meta.url)), '../.ci/run')
const bin = mkdtempSync(join(tmpdir(), 'propusk-ci-'))
afterAll(() => rmSync(bin, { recursive: true, force: true }))

/** Runs `.ci/run --check-node` with a `node` that reports `version`. */
function checkWith(version: string): Promise<{ code: number; output: string }> {
  const dir = mkdtempSync(join(bin, 'v'))
  writeFileSync(join(dir, 'node'), `#!/bin/sh\necho ${version}\n`)
  chmodSync(join(dir, 'node'), 0o755)
  return new Promise((done) => {
    execFile(
      'bash',
      [script, '--check-node'],
      { env: { PATH: `${dir}:/usr/bin:/bin` } },
      (error, stdout, stderr) =>
        done({ code: error ? Number(error.code) : 0, output: stdout + stderr }),
    )
  })
}

describe('.ci/run', () => {
  it('refuses a Node older than 20.19 with a clear message, before installing anything', async () => {
    for (const version of ['v20.18.3', 'v18.20.4', 'v20.9.0']) {
      const { code, output } = await checkWith(version)
      expect(code).toBe(1)
      expect(output).toContain(`Node ${version.slice(1)} is too old; Propusk needs Node >= 20.19.0`)
      expect(output).not.toContain('Debian packages')
    }
  })

  it('accepts Node 20.19 and later', async () => {
    for (const version of ['v20.19.0', 'v20.20.2', 'v22.3.0']) {
      expect(await checkWith(version)).toMatchObject({ code: 0 })
    }
  })
})
