/**
 * No module-level registries (issue 9, §2): state that belongs to one app (its code methods, its
 * live plugin settings) is a value built by `createPropusk` and handed to whoever needs it, so
 * two apps in one process never share it. This test finds every mutable module-level binding in
 * src/ and plugins/ (a `let`, or a `const` holding a new Map, WeakMap, Set or WeakSet that is not a literal
 * lookup table) and fails on any not listed below with the reason it is per process by design.
 * To add one, prefer passing a value; if it really is per process, list it with its reason.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** `file: name` → why it may live at module level. */
const perProcessByDesign: Record<string, string> = {
  'src/modules/identity/store/app-cache.ts: caches':
    'found by the SqlDatabase each app wraps for itself: one cache per app instance (app-cache.test.ts)',
  'src/runtime/workers/phone-metadata.ts: loaded':
    'the phone metadata read from the static assets: one copy per isolate, like the script',
  'src/runtime/workers/phone-metadata.ts: loading':
    'the one load in flight, shared by concurrent first requests of the isolate',
  'src/modules/sessions/jwt.ts: verified':
    'tokens already verified, keyed by the key set object each app holds: per app, bounded to 1,000',
  'src/kernel/http/background.ts: pending':
    'every background task of the process, so shutdown and tests can wait for all of them',
  'src/kernel/http/request-context.ts: pool': 'random bytes for request ids, drawn in bulk',
  'src/kernel/http/request-context.ts: used': 'how much of that pool is used',
  'src/modules/sessions/keys.ts: cache':
    'imported signing keys by SIGNING_KEYS value (immutable keys)',
  'src/modules/sessions/keys.ts: loaders':
    'the key loader per settings object (a pure function of it)',
  'src/modules/sessions/refresh-successor.ts: keys': 'derived HMAC keys by secret (immutable keys)',
  'src/modules/sessions/refresh-successor.ts: processSecret':
    'without SIGNING_KEYS one secret per process, like the ephemeral signing key',
  'src/modules/otp/keys.ts: processSecret':
    'without OTP_SECRET or SIGNING_KEYS one secret per process, so apps over one store agree',
  'src/modules/passwords/common-passwords.ts: set': 'a fixed word list, built on first use',
  'src/modules/passwords/hash.ts: dummyHash': 'a fixed decoy hash, computed on first use',
  'src/runtime/workers/index.ts: booting': 'the one app of this Worker isolate',
}

function sourceFiles(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path))
    else if (/\.ts$/.test(name) && !/\.(test|d)\.ts$/.test(name)) out.push(path)
  }
  return out
}

/** Names of the mutable module-level bindings of one file (prettier keeps them at column 0). */
function moduleState(text: string): string[] {
  const names: string[] = []
  for (const match of text.matchAll(/^(?:export )?let\s+(\w+)/gm)) names.push(match[1] as string)
  const collections =
    /^(?:export )?(?:const|var)\s+(\w+)[^=\n]*=\s*new\s+(?:WeakMap|Map|WeakSet|Set)(?:<.*>)?\((?!\s*\[)/gm
  for (const match of text.matchAll(collections)) names.push(match[1] as string)
  return names
}

describe('module-level state', () => {
  it('finds a planted registry, and not a lookup table or a local', () => {
    const planted = [
      'const registries = new WeakMap<object, Map<string, string>>()',
      'export let current: string | undefined',
      'const byId: Map<string, number> =\n  new Map()',
      "const codes = new Set(['ECONNRESET'])",
      "const statuses = new Set<string>(['sent'])",
      'const keys = new Map<string, Promise<CryptoKey>>()',
      'const loaders = new WeakMap<object, () => Promise<string>>()',
      'function f() {\n  const local = new Map()\n  let n = 0\n}',
    ].join('\n')
    expect(moduleState(planted)).toEqual(['current', 'registries', 'byId', 'keys', 'loaders'])
  })

  it('src/ and plugins/ have none but the listed per-process ones', () => {
    // Plugins count too: one plugin object serves every app of the process that loads it.
    const files = [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'plugins'))]
    const found = files.flatMap((file) => {
      const path = relative(root, file).split('\\').join('/')
      return moduleState(readFileSync(file, 'utf8')).map((name) => `${path}: ${name}`)
    })
    const unlisted = found.filter((entry) => !(entry in perProcessByDesign))
    expect(unlisted, 'pass per-app state as a value, or list why it is per process').toEqual([])
    // A listed entry that is gone should leave the list too, so the list stays true.
    expect(Object.keys(perProcessByDesign).filter((entry) => !found.includes(entry))).toEqual([])
  })
})
