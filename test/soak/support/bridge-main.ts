/**
 * The libSQL server of the fault suite in its own process, so the suite can stop it (SIGTERM)
 * and freeze it (SIGSTOP) like a real remote database: `tsx bridge-main.ts <db file> <port>`.
 * Prints `bridge ready` once it listens.
 */
import { startHranaBridge } from '../../support/hrana-bridge.ts'

const [dbPath, port] = process.argv.slice(2)
if (!dbPath || !port) throw new Error('usage: bridge-main.ts <db file> <port>')
const bridge = await startHranaBridge({ dbPath, port: Number(port) })
console.log(`bridge ready ${bridge.url}`)
const stop = () => void bridge.close().then(() => process.exit(0))
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
