/**
 * What each dependency weighs in the Worker bundle. wrangler writes a source map next to the
 * script; every generated segment names its original file, so the script's bytes can be split
 * by package (or by top folder of our own code) and each share gzipped on its own. The shares'
 * gzip sizes add up to a little more than the whole (each compresses without the others'
 * context), so they rank the dependencies rather than sum exactly.
 */
import { gzipSync } from 'node:zlib'

export interface Share {
  name: string
  rawBytes: number
  gzipBytes: number
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Decodes one line of source-map `mappings` into [generatedColumn, sourceIndex | -1]. */
function segments(line: string, state: { source: number }): Array<[number, number]> {
  const out: Array<[number, number]> = []
  let column = 0
  for (const segment of line.split(',')) {
    if (!segment) continue
    const fields: number[] = []
    let value = 0
    let shift = 0
    for (const char of segment) {
      const digit = BASE64.indexOf(char)
      value += (digit & 31) << shift
      if (digit & 32) {
        shift += 5
        continue
      }
      fields.push(value & 1 ? -(value >>> 1) : value >>> 1)
      value = 0
      shift = 0
    }
    column += fields[0] ?? 0
    if (fields.length > 1) state.source += fields[1] ?? 0
    out.push([column, fields.length > 1 ? state.source : -1])
  }
  return out
}

/** `node_modules/@scope/pkg/…` → `@scope/pkg`; our own files → their module folder. */
export function shareName(source: string): string {
  const path = source.replace(/^(\.\.\/)+/, '').replace(/^.*?\/(src|plugins)\//, '$1/')
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)
  if (pkg) return pkg[1] as string
  // libphonenumber-js's metadata, trimmed and kept beside its one user (normalize.ts).
  if (path.endsWith('/phone-metadata.json')) return 'libphonenumber-js (metadata)'
  if (path.startsWith('src/') || path.startsWith('plugins/')) {
    const depth = /^src\/(core|storage|runtime)\//.test(path) ? 3 : 2
    return path.split('/').slice(0, depth).join('/').replace(/\.ts$/, '')
  }
  return path
}

export function bundleShares(code: string, map: { sources: string[]; mappings: string }): Share[] {
  const parts = new Map<string, string[]>()
  const add = (name: string, text: string) => {
    if (!parts.has(name)) parts.set(name, [])
    parts.get(name)?.push(text)
  }
  const state = { source: 0 }
  const lines = code.split('\n')
  map.mappings.split(';').forEach((mapping, index) => {
    const line = lines[index] ?? ''
    let from = 0
    let owner = '(glue)'
    for (const [column, source] of segments(mapping, state)) {
      if (column > from) add(owner, line.slice(from, column))
      from = column
      owner = source >= 0 ? shareName(map.sources[source] ?? '') : '(glue)'
    }
    add(owner, `${line.slice(from)}\n`)
  })
  return [...parts]
    .map(([name, texts]) => {
      const text = texts.join('')
      return {
        name,
        rawBytes: Buffer.byteLength(text),
        gzipBytes: gzipSync(text, { level: 9 }).byteLength,
      }
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes)
}
