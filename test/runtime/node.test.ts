/**
 * The smoke suite against the Node server exactly as `npm start` runs it: the bundle built by
 * src/runtime/node/build.mjs, under plain node with the `start` script's environment and flags.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { defineServerSmokeSuite } from './support/server-smoke.ts'
import { repoRoot } from './support/worker-bundle.ts'

execFileSync(process.execPath, [join(repoRoot, 'src/runtime/node/build.mjs')], { cwd: repoRoot })
const words = (
  JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    scripts: { start: string }
  }
).scripts.start.split(' ')
// `NAME=value … node <flags> <bundle>`: the assignments first, then node's own arguments.
const assignments = words.filter((word) => /^[A-Z_]+=/.test(word))
const env = Object.fromEntries(assignments.map((word) => word.split('=') as [string, string]))
const args = words.slice(assignments.length + 1)

defineServerSmokeSuite('Node', { command: process.execPath, args, env })
