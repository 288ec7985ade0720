import type { HttpBindings } from '@hono/node-server'
import { plugins } from '../../plugins.ts'
import { bootServer, startupFailureMessage } from '../server/bootstrap.ts'
import { withCompression } from '../server/compression.ts'
import { createNodeServer } from './http-server.ts'

/** `npm start`: Propusk on Node with the embedded defaults (libSQL file, in-memory state, console delivery). */
async function main() {
  const boot = await bootServer(process.env, plugins, {
    clientIp: (c) => (c.env as HttpBindings | undefined)?.incoming?.socket?.remoteAddress,
  })
  const { PORT, HOST, PUBLIC_URL } = boot.settings
  const server = createNodeServer(withCompression(boot.propusk.fetch), boot.propusk.services.log)
  server.listen(PORT, HOST, () => {
    console.log(`Propusk is listening on http://${HOST}:${PORT} (public URL ${PUBLIC_URL})`)
  })
  const stop = () => {
    server.close(() => void boot.close().then(() => process.exit(0)))
    setTimeout(() => process.exit(0), 3000).unref()
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  // Settings, migrations, the data folder, an unreachable database: one clear message.
  console.error(startupFailureMessage(error) ?? error)
  process.exit(1)
})
