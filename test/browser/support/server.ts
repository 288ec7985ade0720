import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..')

export interface RunningServer {
  url: string
  /** The first-administrator link printed at start-up. */
  setupLink: string
  /** The server's libSQL file (`<DATA_DIR>/propusk.db`), for test data the UI cannot create. */
  dbPath: string
  output: () => string
  stop(): Promise<void>
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer()
    probe.once('error', fail)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
      )
    })
  })
}

/**
 * Starts the real Node server (`src/runtime/node/main.ts`, as `npm start` does) on a free
 * loopback port with a fresh data folder, and waits for its first-administrator link.
 */
export async function startServer(entry = 'src/runtime/node/main.ts'): Promise<RunningServer> {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'propusk-browser-'))
  const url = `http://127.0.0.1:${port}`
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', resolve(repoRoot, entry)],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: url,
        DATA_DIR: dataDir,
        PROPUSK_MODE: 'development',
        LOG_LEVEL: 'warn',
        TURSO_DATABASE_URL: '',
        STATE_STORE: 'memory',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let out = ''
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()))
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM')
      await new Promise((done) => {
        const timer = setTimeout(() => {
          child.kill('SIGKILL')
          done(null)
        }, 4000)
        child.once('exit', () => {
          clearTimeout(timer)
          done(null)
        })
      })
    }
    rmSync(dataDir, { recursive: true, force: true })
  }
  const deadline = Date.now() + 60_000
  for (;;) {
    const link = /(http:\/\/\S+\/setup\?token=[\w-]+)/.exec(out)?.[1]
    if (link && /listening/i.test(out)) {
      return { url, setupLink: link, dbPath: join(dataDir, 'propusk.db'), output: () => out, stop }
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop()
      throw new Error(`The server did not start:\n${out}`)
    }
    await new Promise((done) => setTimeout(done, 100))
  }
}
