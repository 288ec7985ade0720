/**
 * The smoke suite against `deno task start` (src/runtime/deno/main.ts on Deno.serve), with the
 * Deno from npm (`node_modules/.bin/deno`). Deno runs the same npm packages as Node from
 * node_modules: the native libSQL driver on a file the server migrates itself, and the Redis TCP
 * state adapter (ioredis over node:net) against the shared redis-server.
 */
import { join } from 'node:path'
import { defineServerSmokeSuite } from './support/server-smoke.ts'
import { repoRoot } from './support/worker-bundle.ts'

defineServerSmokeSuite('Deno', {
  command: join(repoRoot, 'node_modules', '.bin', 'deno'),
  args: ['task', 'start'],
  env: { DENO_NO_UPDATE_CHECK: '1' },
})
