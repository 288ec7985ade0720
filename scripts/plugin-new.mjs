/**
 * `npm run plugin:new -- --kind <kind> --id <id> [--root <dir>]`: a new plugin's folder
 * (`index.ts`, a passing `index.test.ts`, a `README.md`) under plugins/<group>/<id>/ and its
 * import and registration line in src/plugins.ts. Everything is checked before anything is
 * written, so a refusal leaves the tree as it was. `--root` points it at a copy of the repo
 * (its own test does that); the prettier config is always this repo's.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { appTypeIndex, appTypeReadme, appTypeTest } from './plugin-new/app-type.mjs'
import { deliveryIndex, deliveryReadme, deliveryTest } from './plugin-new/delivery.mjs'
import { idPattern, maxIdLength, namesFor } from './plugin-new/names.mjs'
import { signInIndex, signInReadme, signInTest } from './plugin-new/sign-in.mjs'

const repo = join(dirname(fileURLToPath(import.meta.url)), '..')

const kinds = {
  'sign-in-method': {
    folder: 'sign-in',
    group: /^\s*\/\/\s*Sign-in methods/,
    files: { 'index.ts': signInIndex, 'index.test.ts': signInTest, 'README.md': signInReadme },
  },
  'client-app-type': {
    folder: 'app-types',
    group: /^\s*\/\/\s*Client app types/,
    files: { 'index.ts': appTypeIndex, 'index.test.ts': appTypeTest, 'README.md': appTypeReadme },
  },
  'delivery-provider': {
    folder: 'delivery',
    group: /^\s*\/\/\s*Delivery providers/,
    files: {
      'index.ts': deliveryIndex,
      'index.test.ts': deliveryTest,
      'README.md': deliveryReadme,
    },
  },
}

const usage =
  'Usage: npm run plugin:new -- --kind <sign-in-method|client-app-type|delivery-provider> --id <id>'

/** A refusal: the message, and nothing written. */
class Refusal extends Error {}

function readArgs(argv) {
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      options: { kind: { type: 'string' }, id: { type: 'string' }, root: { type: 'string' } },
    }))
  } catch (error) {
    throw new Refusal(`${error instanceof Error ? error.message : error}\n${usage}`)
  }
  const { kind, id, root = repo } = values
  if (!kind || !id) throw new Refusal(`Both --kind and --id are required.\n${usage}`)
  if (!Object.hasOwn(kinds, kind)) {
    throw new Refusal(`Unknown kind "${kind}": use one of ${Object.keys(kinds).join(', ')}.`)
  }
  if (!idPattern.test(id) || id.length < 2 || id.length > maxIdLength) {
    throw new Refusal(
      `Bad id "${id}": use 2–${maxIdLength} lower-case letters and digits in dash-separated ` +
        'words, starting with a letter (e.g. "sms-gateway").',
    )
  }
  return { kind, id, root }
}

/** Ids declared by the plugins in the tree (`id: '…'` in each plugin's index.ts). */
function existingIds(root) {
  const ids = new Map()
  const plugins = join(root, 'plugins')
  for (const group of existsSync(plugins) ? readdirSync(plugins) : []) {
    if (!statSync(join(plugins, group)).isDirectory()) continue
    for (const folder of readdirSync(join(plugins, group))) {
      const index = join(plugins, group, folder, 'index.ts')
      if (!existsSync(index)) continue
      for (const [, found] of readFileSync(index, 'utf8').matchAll(/\bid:\s*'([a-z0-9-]+)'/g)) {
        ids.set(found, `plugins/${group}/${folder}`)
      }
    }
  }
  return ids
}

/** Identifiers the registration file binds (imports and its own declarations). */
function boundNames(source) {
  const names = new Set()
  for (const [, list] of source.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}/g)) {
    for (const part of list.split(',')) {
      const name = part
        .replace(/^\s*type\s+/, '')
        .split(/\s+as\s+/)
        .pop()
        ?.trim()
      if (name) names.add(name)
    }
  }
  for (const [, name] of source.matchAll(
    /\b(?:const|let|var|function|class)\s+([A-Za-z_$][\w$]*)/g,
  )) {
    names.add(name)
  }
  return names
}

/** src/plugins.ts with the import after its group's imports and the entry at its group's end. */
function register(source, kind, names) {
  const { folder, group } = kinds[kind]
  const lines = source.split('\n')
  const importLine = `import { ${names.ident} } from '../plugins/${folder}/${names.id}/index.ts'`
  const listStart = lines.findIndex((line) => /^export const plugins\b/.test(line))
  const listEnd = lines.findIndex((line, i) => i > listStart && /^\]/.test(line))
  if (listStart < 0 || listEnd < 0) {
    throw new Refusal('src/plugins.ts has no `export const plugins: Plugin[] = [ … ]` list.')
  }
  const heading = lines.findIndex((line, i) => i > listStart && i < listEnd && group.test(line))
  let at = listEnd
  if (heading >= 0) {
    const next = lines.findIndex((line, i) => i > heading && /^\s*(\/\/|\])/.test(line))
    at = next
    while (at - 1 > heading && !lines[at - 1].trim()) at--
  }
  lines.splice(at, 0, `  ${names.ident},`)
  const header = lines.slice(0, listStart)
  const ownGroup = header.findLastIndex((line) => line.includes(`from '../plugins/${folder}/`))
  const anyImport = header.findLastIndex((line) => /\bfrom\s+'/.test(line))
  lines.splice((ownGroup >= 0 ? ownGroup : anyImport) + 1, 0, importLine)
  return lines.join('\n')
}

/** Formats with this repo's prettier config, so the result passes `prettier --check`. */
async function formatter() {
  const prettier = await import('prettier')
  const config = (await prettier.resolveConfig(join(repo, 'src', 'plugins.ts'))) ?? {}
  return (text, filepath) => prettier.format(text, { ...config, filepath })
}

export async function createPlugin(argv) {
  const { kind, id, root } = readArgs(argv)
  const { folder, files } = kinds[kind]
  const dir = join(root, 'plugins', folder, id)
  const registryPath = join(root, 'src', 'plugins.ts')
  if (existsSync(dir)) throw new Refusal(`plugins/${folder}/${id} exists already.`)
  const taken = existingIds(root).get(id)
  if (taken) throw new Refusal(`The id "${id}" is taken by ${taken}.`)
  if (!existsSync(registryPath)) throw new Refusal(`No src/plugins.ts under ${root}.`)
  const registry = readFileSync(registryPath, 'utf8')
  if (registry.includes(`/plugins/${folder}/${id}/`)) {
    throw new Refusal(`src/plugins.ts registers plugins/${folder}/${id} already.`)
  }
  const names = namesFor(id, kind, boundNames(registry))
  if (boundNames(registry).has(names.ident)) {
    throw new Refusal(`src/plugins.ts already binds the name ${names.ident}.`)
  }
  const format = await formatter()
  const written = []
  for (const [name, template] of Object.entries(files)) {
    written.push([join(dir, name), await format(template(names), join(dir, name))])
  }
  const registered = await format(register(registry, kind, names), registryPath)
  mkdirSync(dir, { recursive: true })
  for (const [path, text] of written) writeFileSync(path, text)
  writeFileSync(registryPath, registered)
  return { dir: `plugins/${folder}/${id}`, ident: names.ident, files: Object.keys(files) }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const made = await createPlugin(process.argv.slice(2))
    console.log(
      `Created ${made.dir}/ (${made.files.join(', ')}); registered ${made.ident} in src/plugins.ts.`,
    )
    console.log(`Next: npx vitest run ${made.dir}`)
  } catch (error) {
    if (!(error instanceof Refusal)) throw error
    console.error(`plugin:new: ${error.message}`)
    process.exitCode = 1
  }
}
