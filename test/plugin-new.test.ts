/**
 * `npm run plugin:new` against a temporary copy of what it reads and writes (plugins/ and
 * src/plugins.ts): the files of each kind, the registration line in its group, refusals that
 * write nothing. The generated tests themselves run in the repo's suite once a plugin is made.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as prettier from 'prettier'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const repo = join(import.meta.dirname, '..')
let root = ''

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'plugin-new-'))
  cpSync(join(repo, 'plugins'), join(root, 'plugins'), { recursive: true })
  mkdirSync(join(root, 'src'))
  cpSync(join(repo, 'src', 'plugins.ts'), join(root, 'src', 'plugins.ts'))
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

function run(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    [join(repo, 'scripts', 'plugin-new.mjs'), ...args, '--root', root],
    { encoding: 'utf8' },
  )
  return { status: result.status, out: result.stdout, err: result.stderr }
}

const registry = () => readFileSync(join(root, 'src', 'plugins.ts'), 'utf8')
const specifiers = (source: string) =>
  [...source.matchAll(/^(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1])

/** The entries of the plugins list under the heading matching `group`. */
function groupEntries(source: string, group: RegExp): string[] {
  const list = source.slice(source.indexOf('export const plugins')).split('\n')
  const start = list.findIndex((line) => group.test(line))
  const end = list.findIndex((line, i) => i > start && /^\s*(\/\/|\])/.test(line))
  return list.slice(start + 1, end).map((line) => line.trim().replace(/,$/, ''))
}

const kinds = [
  ['sign-in-method', 'sign-in', /\/\/ Sign-in methods/, 'defineSignInMethod'],
  ['client-app-type', 'app-types', /\/\/ Client app types/, 'defineClientAppType'],
  ['delivery-provider', 'delivery', /\/\/ Delivery providers/, 'defineDeliveryProvider'],
] as const

describe.each(kinds)('plugin:new --kind %s', (kind, folder, group, define) => {
  const id = `demo-${folder}`
  const ident = id.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
  const dir = () => join(root, 'plugins', folder, id)

  it('writes index.ts, a test and a README, and registers the plugin in its group', async () => {
    const made = run('--kind', kind, '--id', id)
    expect(made.err).toBe('')
    expect(made.status).toBe(0)
    const index = readFileSync(join(dir(), 'index.ts'), 'utf8')
    expect(index).toContain(`export const ${ident} = ${define}({`)
    expect(index).toContain(`id: '${id}'`)
    expect(index).toMatch(/localized: \{\s+ru: \{\s*name: '[^']+',\s*description: '/)
    expect(specifiers(index)).toEqual(['propusk/plugin', 'zod'])

    const test = readFileSync(join(dir(), 'index.test.ts'), 'utf8')
    expect(new Set(specifiers(test))).toEqual(new Set(['vitest', 'propusk/testing', './index.ts']))
    expect(test).toContain('createTestPropusk')
    expect(readFileSync(join(dir(), 'README.md'), 'utf8')).toContain(`(\`${id}\`)`)

    const source = registry()
    expect(source).toContain(`import { ${ident} } from '../plugins/${folder}/${id}/index.ts'`)
    expect(groupEntries(source, group).at(-1)).toBe(ident)

    const config = await prettier.resolveConfig(join(repo, 'src', 'plugins.ts'))
    for (const [file, text] of [
      ...['index.ts', 'index.test.ts', 'README.md'].map((name) => [
        join(dir(), name),
        readFileSync(join(dir(), name), 'utf8'),
      ]),
      [join(root, 'src', 'plugins.ts'), source],
    ] as const) {
      expect(await prettier.check(text, { ...config, filepath: file }), file).toBe(true)
    }
  })

  it('refuses to make it twice and changes nothing', () => {
    const before = registry()
    const again = run('--kind', kind, '--id', id)
    expect(again.status).toBe(1)
    expect(again.err).toContain(`plugins/${folder}/${id} exists already`)
    expect(registry()).toBe(before)
  })
})

describe('plugin:new refuses', () => {
  it.each([['Demo'], ['d'], ['-demo'], ['demo--x'], ['demo_x'], ['demo-'], ['9lives']])(
    'the id %s',
    (id) => {
      const before = registry()
      const refused = run('--kind', 'sign-in-method', `--id=${id}`)
      expect(refused.status).toBe(1)
      expect(refused.err).toContain(`Bad id "${id}"`)
      expect(registry()).toBe(before)
    },
  )

  it('an id another plugin declares, under another folder name', () => {
    const refused = run('--kind', 'delivery-provider', '--id', 'webhook-delivery')
    expect(refused.status).toBe(1)
    expect(refused.err).toContain('"webhook-delivery" is taken by plugins/delivery/webhook')
    expect(existsSync(join(root, 'plugins', 'delivery', 'webhook-delivery'))).toBe(false)
  })

  it('an unknown kind, and missing arguments', () => {
    const unknown = run('--kind', 'app-type', '--id', 'kiosk')
    expect(unknown.status).toBe(1)
    expect(unknown.err).toContain('Unknown kind "app-type"')
    const missing = run('--id', 'kiosk')
    expect(missing.status).toBe(1)
    expect(missing.err).toContain('Both --kind and --id are required')
    expect(existsSync(join(root, 'plugins', 'app-types', 'kiosk'))).toBe(false)
  })

  it('an export name that is a reserved word or taken, by suffixing the kind', () => {
    expect(run('--kind', 'client-app-type', '--id', 'new').status).toBe(0)
    expect(registry()).toContain("import { newAppType } from '../plugins/app-types/new/index.ts'")
    // `web` is exported as webApp already.
    expect(run('--kind', 'client-app-type', '--id', 'web-app').status).toBe(0)
    expect(registry()).toContain('import { webAppAppType } from')
  })
})
