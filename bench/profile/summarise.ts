/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): self time by function and by package or
 * file, as shares of the sampled time. Self time, because inclusive time of a request pipeline
 * mostly says "everything is under the handler"; the idle and GC rows are kept so that the
 * shares add up to the whole process.
 *
 * `tsx bench/profile/summarise.ts <file.cpuprofile> [top]`
 */
import { readFileSync } from 'node:fs'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

/** Where a frame's code lives: a package name, a file of this repository, or V8/Node itself. */
export function origin(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)'
  if (url.startsWith('node:')) return url
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (pkg) return pkg[1] as string
  const local =
    /\/work\/[^/]+\/(.*)$/.exec(url) ?? /\/((?:src|plugins|bench|testing)\/.*)$/.exec(url)
  return local ? (local[1] as string) : url
}

export interface Summary {
  totalMs: number
  byFunction: [string, number][]
  byOrigin: [string, number][]
}

export function summarise(profile: Profile): Summary {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
  const selfUs = new Map<number, number>()
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
  })
  const byFunction = new Map<string, number>()
  const byOrigin = new Map<string, number>()
  let total = 0
  for (const [id, us] of selfUs) {
    const frame = nodes.get(id)?.callFrame
    if (!frame) continue
    total += us
    const where = origin(frame.url, frame.functionName)
    const name = `${frame.functionName || '(anonymous)'} ${where}:${frame.lineNumber + 1}`
    byFunction.set(name, (byFunction.get(name) ?? 0) + us)
    byOrigin.set(where, (byOrigin.get(where) ?? 0) + us)
  }
  const sorted = (m: Map<string, number>) =>
    [...m].map(([k, us]): [string, number] => [k, us / 1000]).sort((a, b) => b[1] - a[1])
  return { totalMs: total / 1000, byFunction: sorted(byFunction), byOrigin: sorted(byOrigin) }
}

export function format(summary: Summary, top = 25): string {
  const row = ([name, ms]: [string, number]) =>
    `  ${((ms / summary.totalMs) * 100).toFixed(1).padStart(5)} %  ${ms.toFixed(0).padStart(7)} ms  ${name}`
  return [
    `sampled ${summary.totalMs.toFixed(0)} ms`,
    'self time by package or file:',
    ...summary.byOrigin.slice(0, top).map(row),
    'self time by function:',
    ...summary.byFunction.slice(0, top).map(row),
  ].join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, top] = process.argv.slice(2)
  if (!file) throw new Error('usage: summarise.ts <file.cpuprofile> [top]')
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile
  console.log(format(summarise(profile), Number(top ?? 25)))
}
