/**
 * The layering rules of docs/architecture.md, as functions of a source tree (repository-relative
 * path → text), so that the test can run them on the real tree and on the real tree plus one
 * planted violation each. Only import specifiers and SQL keywords are read; nothing is executed.
 */
import { posix } from 'node:path'

export type Tree = ReadonlyMap<string, string>

export interface Import {
  file: string
  specifier: string
  typeOnly: boolean
  /** Repository-relative target of a relative specifier. */
  target?: string
}

/** Static imports and re-exports (prettier puts them at the start of a line) and import(). */
export function importsOf(file: string, text: string): Import[] {
  const found: Import[] = []
  const patterns = [
    /^(?:import|export)\b([^;'"]*?)\bfrom\s*['"]([^'"]+)['"]/gm,
    /^import()\s*['"]([^'"]+)['"]/gm,
    /\bimport\(()\s*['"]([^'"]+)['"]\s*\)/g,
  ]
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      const specifier = match[2] as string
      const typeOnly = /^\s*type\b/.test(match[1] ?? '')
      const target = specifier.startsWith('.')
        ? posix.normalize(posix.join(posix.dirname(file), specifier))
        : undefined
      found.push({ file, specifier, typeOnly, ...(target ? { target } : {}) })
    }
  }
  return found
}

/** Tests, and test-only helpers beside them. */
export const isTest = (file: string) => /\.test\.tsx?$/.test(file)
const isSource = (file: string) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts')
const under = (file: string, folder: string) => file.startsWith(folder + '/')

/** `src/modules/otp/send.ts` → `otp`; undefined outside the folder. */
const segment = (file: string, folder: string) =>
  under(file, folder) ? file.slice(folder.length + 1).split('/')[0] : undefined

export interface Rule {
  name: string
  check(tree: Tree): string[]
}

function importViolations(
  tree: Tree,
  files: (file: string) => boolean,
  broken: (i: Import) => boolean,
): string[] {
  const out: string[] = []
  for (const [file, text] of tree) {
    if (!isSource(file) || !files(file)) continue
    for (const i of importsOf(file, text)) if (broken(i)) out.push(`${file} imports ${i.specifier}`)
  }
  return out
}

const nonTestIn = (folder: string) => (f: string) => under(f, folder) && !isTest(f)

/** Folder → folders its non-test source files import, within `src`. */
export function folderGraph(tree: Tree): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>()
  for (const [file, text] of tree) {
    if (!isSource(file) || isTest(file) || !under(file, 'src')) continue
    const from = posix.dirname(file)
    for (const i of importsOf(file, text)) {
      if (!i.target || !under(i.target, 'src')) continue
      const to = posix.dirname(i.target)
      if (to === from) continue
      if (!graph.has(from)) graph.set(from, new Set())
      graph.get(from)?.add(to)
    }
  }
  return graph
}

/** Every cycle's folders (strongly connected components of more than one folder). */
export function folderCycles(graph: Map<string, Set<string>>): string[][] {
  let counter = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const cycles: string[][] = []
  const visit = (v: string) => {
    index.set(v, counter)
    low.set(v, counter++)
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0))
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = []
      let w: string | undefined
      do {
        w = stack.pop()
        if (w === undefined) break
        onStack.delete(w)
        component.push(w)
      } while (w !== v)
      if (component.length > 1) cycles.push(component.sort())
    }
  }
  for (const v of graph.keys()) if (!index.has(v)) visit(v)
  return cycles
}

const SQL =
  /\b(?:SELECT\s+(?:[\w*(]|\$\{)|INSERT\s+(?:OR\s+\w+\s+)?INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s)/
/** Where SQL text may live: a module's store files, and the migration runner. */
export const isStoreFile = (file: string) =>
  /(^|\/)store\//.test(file) ||
  /(^|\/|-)store\.ts$/.test(file) ||
  file === 'src/kernel/migrate.ts' ||
  under(file, 'src/storage')

export const rules: Rule[] = [
  {
    name: 'the kernel imports nothing else in src',
    check: (tree) =>
      importViolations(tree, nonTestIn('src/kernel'), (i) =>
        Boolean(i.target && !under(i.target, 'src/kernel')),
      ),
  },
  {
    name: 'the folder graph of src has no cycles',
    check: (tree) => folderCycles(folderGraph(tree)).map((c) => `cycle: ${c.join(' ⇄ ')}`),
  },
  {
    name: 'a module imports the kernel, and other modules only through their index',
    check: (tree) =>
      importViolations(tree, nonTestIn('src/modules'), (i) => {
        if (!i.target || under(i.target, 'src/kernel')) return false
        const own = segment(i.file, 'src/modules')
        const other = segment(i.target, 'src/modules')
        if (other === undefined) return true
        return other !== own && i.target !== `src/modules/${other}/index.ts`
      }),
  },
  {
    name: 'a module takes no Hono Context',
    check: (tree) =>
      importViolations(
        tree,
        nonTestIn('src/modules'),
        (i) => /^(hono|@hono\/)/.test(i.specifier) && !/^hono\/utils\//.test(i.specifier),
      ),
  },
  {
    name: 'an API folder imports the kernel, modules (through their index) and src/api files only',
    check: (tree) =>
      importViolations(tree, nonTestIn('src/api'), (i) => {
        if (!i.target || under(i.target, 'src/kernel')) return false
        const module = segment(i.target, 'src/modules')
        if (module !== undefined) return i.target !== `src/modules/${module}/index.ts`
        if (!under(i.target, 'src/api')) return true
        const own = segment(i.file, 'src/api')
        const other = segment(i.target, 'src/api')
        // Files directly in src/api (shared middleware and schemas) are open to every folder.
        return other !== undefined && other.endsWith('.ts') ? false : other !== own
      }),
  },
  {
    name: 'storage adapters import only the kernel ports',
    check: (tree) =>
      importViolations(tree, nonTestIn('src/storage'), (i) =>
        Boolean(
          i.target &&
          !under(i.target, 'src/storage') &&
          !under(i.target, 'src/kernel/ports') &&
          i.target !== 'src/kernel/crypto.ts',
        ),
      ),
  },
  {
    name: 'a plugin imports only propusk/plugin (its tests also propusk/testing) and its own files',
    check: (tree) =>
      importViolations(
        tree,
        (f) => under(f, 'plugins'),
        (i) => {
          const own = i.file.split('/').slice(0, 3).join('/')
          if (i.target) return !under(i.target, own)
          if (i.specifier.startsWith('propusk')) {
            return !(
              i.specifier === 'propusk/plugin' ||
              (isTest(i.file) && i.specifier === 'propusk/testing')
            )
          }
          return false
        },
      ),
  },
  {
    name: 'no test code under src except *.test.ts',
    check: (tree) =>
      [...tree.keys()].filter(
        (f) =>
          under(f, 'src') &&
          isSource(f) &&
          !isTest(f) &&
          (/(^|[/.-])(contract|fixtures?|fake|mock|test-support|test-fixtures)[/.-]/.test(f) ||
            importsOf(f, tree.get(f) ?? '').some(
              (i) =>
                i.specifier === 'vitest' ||
                Boolean(i.target && (under(i.target, 'test') || under(i.target, 'testing'))),
            )),
      ),
  },
  {
    name: 'bench imports testing/, not test/',
    check: (tree) =>
      importViolations(
        tree,
        (f) => under(f, 'bench'),
        (i) => Boolean(i.target && under(i.target, 'test')),
      ),
  },
  {
    name: 'SQL text only in store files',
    check: (tree) =>
      [...tree.entries()]
        .filter(
          ([f, text]) =>
            (under(f, 'src') || under(f, 'plugins')) &&
            isSource(f) &&
            !isTest(f) &&
            !isStoreFile(f) &&
            SQL.test(text),
        )
        .map(([f]) => f),
  },
  {
    name: 'src and plugins import no node: module outside the Node runtime and Node-only adapters',
    check: (tree) =>
      importViolations(
        tree,
        (f) =>
          (under(f, 'src') || under(f, 'plugins')) &&
          !under(f, 'src/runtime/node') &&
          !under(f, 'src/runtime/server') &&
          !/^src\/storage\/.*(-node|-tcp|-server)\.ts$/.test(f) &&
          // Adapter and runtime tests stand up real sockets and servers.
          !(isTest(f) && (under(f, 'src/runtime') || under(f, 'src/storage'))),
        (i) => i.specifier.startsWith('node:'),
      ),
  },
]
