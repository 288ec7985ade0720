/** The names one plugin id gives its files: the export, the title, the env prefix. */

/**
 * @typedef {object} Names
 * @property {string} id        `demo-x`
 * @property {string} camel     `demoX`
 * @property {string} ident     the exported constant (`demoX`, or `demoXMethod` when taken)
 * @property {string} title     `Demo x`
 * @property {string} ruTitle   `демо кс`: the id spelled in Cyrillic, a placeholder for the
 *                              Russian name the console shows (the author translates it)
 * @property {string} label     the English name: `Demo x app` (not `Demo app app`)
 * @property {string} envPrefix `DEMO_X`
 */

/** The ids the plugin host accepts: lower-case words of letters and digits joined by dashes. */
export const idPattern = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/
export const maxIdLength = 49

/** Words an export may not be named (the id `new` cannot be `export const new`). */
const reserved = new Set(
  (
    'await break case catch class const continue debugger default delete do else enum export ' +
    'extends false finally for function if implements import in instanceof interface let new ' +
    'null package private protected public return static super switch this throw true try ' +
    'typeof var void while with yield plugins Plugin'
  ).split(' '),
)

const labels = {
  'sign-in-method': 'sign-in',
  'client-app-type': 'app',
  'delivery-provider': 'delivery',
}

const suffixes = {
  'sign-in-method': 'Method',
  'client-app-type': 'AppType',
  'delivery-provider': 'Provider',
}

/** Latin to Cyrillic by sound, longest first: enough for a readable placeholder, not a translation. */
const cyrillic = [
  ['shch', 'щ'],
  ['sh', 'ш'],
  ['ch', 'ч'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ts', 'ц'],
  ['ya', 'я'],
  ['yu', 'ю'],
  ['yo', 'ё'],
  ['ck', 'к'],
  ['a', 'а'],
  ['b', 'б'],
  ['c', 'к'],
  ['d', 'д'],
  ['e', 'е'],
  ['f', 'ф'],
  ['g', 'г'],
  ['h', 'х'],
  ['i', 'и'],
  ['j', 'дж'],
  ['k', 'к'],
  ['l', 'л'],
  ['m', 'м'],
  ['n', 'н'],
  ['o', 'о'],
  ['p', 'п'],
  ['q', 'к'],
  ['r', 'р'],
  ['s', 'с'],
  ['t', 'т'],
  ['u', 'у'],
  ['v', 'в'],
  ['w', 'в'],
  ['x', 'кс'],
  ['y', 'й'],
  ['z', 'з'],
]

/** `demo-kiosk` → `демо киоск`. */
export function inCyrillic(id) {
  let out = ''
  let rest = id.replaceAll('-', ' ')
  while (rest) {
    const pair = cyrillic.find(([latin]) => rest.startsWith(latin))
    out += pair ? pair[1] : rest[0]
    rest = rest.slice(pair ? pair[0].length : 1)
  }
  return out
}

/**
 * @param {string} id
 * @param {keyof typeof suffixes} kind
 * @param {Set<string>} taken identifiers already bound in src/plugins.ts
 * @returns {Names}
 */
export function namesFor(id, kind, taken) {
  const camel = id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase())
  const plain = /^[a-z]/.test(camel) && !reserved.has(camel) && !taken.has(camel)
  const words = id.split('-').join(' ')
  const title = words.charAt(0).toUpperCase() + words.slice(1)
  return {
    id,
    camel,
    ident: plain ? camel : `${camel}${suffixes[kind]}`,
    title,
    ruTitle: inCyrillic(id),
    label: `-${id}`.endsWith(`-${labels[kind]}`) ? title : `${title} ${labels[kind]}`,
    envPrefix: id.toUpperCase().replaceAll('-', '_'),
  }
}
