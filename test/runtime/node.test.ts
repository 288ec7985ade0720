/**
 * The smoke suite against the Node server exactly as `npm start` runs it: the bundle built by
 * src/runtime/node/build.mjs, under plain node with the `start` script's flags.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { defineServerSmokeSuite } from './support/server-smoke.ts'
import { repoRoot } from './support/worker-bundle.ts'

execFileSync(process.execPath, [join(repoRoot, 'src/runtime/node/build.mjs')], { cwd: repoRoot })
const start = (
  JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    scripts: { start: string }
  }
).scripts.start.split(' ')

defineServerSmokeSuite('Node', { command: process.execPath, args: start.slice(1) })
