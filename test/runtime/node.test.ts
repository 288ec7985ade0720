/** The smoke suite against `src/runtime/node/main.ts` (what `npm start` runs) in a child process. */
import { join } from 'node:path'
import { defineServerSmokeSuite } from './support/server-smoke.ts'

defineServerSmokeSuite('Node', {
  command: process.execPath,
  args: ['--import', 'tsx', join('src', 'runtime', 'node', 'main.ts')],
})
