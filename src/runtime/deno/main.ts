/**
 * `deno task start`: the same app as `npm start`, served by `Deno.serve`. It shares the server
 * bootstrap with Node (migrations, libSQL, state store, dev signing keys); Deno runs the npm
 * packages from the `node_modules` that `npm install` created (deno.json: nodeModulesDir manual).
 */
import { plugins } from '../../plugins.ts'
import { bootServer, startupFailureMessage } from '../server/bootstrap.ts'
import { withCompression } from '../server/compression.ts'

/** The slice of the Deno namespace this entry uses (tsc type-checks this file without Deno's lib). */
interface DenoServeInfo {
  remoteAddr: { transport: string; hostname?: string }
}
interface DenoRuntime {
  env: { toObject(): Record<string, string> }
  serve(
    options: {
      port: number
      hostname: string
      signal: AbortSignal
      onListen: (addr: { hostname: string; port: number }) => void
    },
    handler: (request: Request, info: DenoServeInfo) => Response | Promise<Response>,
  ): { finished: Promise<void> }
  addSignalListener(signal: 'SIGINT' | 'SIGTERM', handler: () => void): void
  exit(code: number): never
}
declare const Deno: DenoRuntime

async function main(): Promise<void> {
  const boot = await bootServer(Deno.env.toObject(), plugins, {
    // Deno passes the peer address as the handler's second argument; the app receives it as env.
    clientIp: (c) =>
      (c.env as { remoteAddr?: DenoServeInfo['remoteAddr'] } | undefined)?.remoteAddr?.hostname,
  })
  const { PORT, HOST, PUBLIC_URL } = boot.settings
  const controller = new AbortController()
  const fetch = withCompression(boot.propusk.fetch)
  const server = Deno.serve(
    {
      port: PORT,
      hostname: HOST,
      signal: controller.signal,
      onListen: ({ hostname, port }) =>
        console.log(
          `Propusk is listening on http://${hostname}:${port} (public URL ${PUBLIC_URL})`,
        ),
    },
    (request, info) => fetch(request, { remoteAddr: info.remoteAddr }),
  )
  const stop = () => {
    controller.abort()
    setTimeout(() => Deno.exit(0), 3000)
    void server.finished.then(() => boot.close()).then(() => Deno.exit(0))
  }
  Deno.addSignalListener('SIGINT', stop)
  Deno.addSignalListener('SIGTERM', stop)
}

main().catch((error: unknown) => {
  // Settings, migrations, the data folder, an unreachable database: one clear message.
  console.error(startupFailureMessage(error) ?? error)
  Deno.exit(1)
})
