/**
 * Splits a SQL script into single statements. Migrations must run as one `batch` (one atomic
 * transaction), and a batch takes single statements, so the runner cannot hand the script to
 * `executeMultiple`. Remote libSQL servers also reject several statements in one `execute`.
 *
 * The splitter is a small lexer, not a parser: it knows just enough SQLite syntax to find the
 * `;` that really end a statement — those outside quoted strings/identifiers, comments and the
 * `BEGIN ... END` body of a `CREATE TRIGGER` (where `CASE ... END` must not close the body).
 */
export function splitSqlStatements(sql: string): string[] {
  const statements: string[] = []
  let start = 0
  let hasCode = false
  // Leading words of the current statement, to recognise `CREATE [TEMP] TRIGGER`.
  let words: string[] = []
  let inTriggerBody = false
  let caseDepth = 0
  let i = 0

  const finish = (end: number): void => {
    if (hasCode) statements.push(sql.slice(start, end).trim())
    start = end + 1
    hasCode = false
    words = []
    inTriggerBody = false
    caseDepth = 0
  }

  while (i < sql.length) {
    const ch = sql[i]!
    const next = sql[i + 1]
    if (ch === '-' && next === '-') {
      const eol = sql.indexOf('\n', i + 2)
      i = eol === -1 ? sql.length : eol + 1
    } else if (ch === '/' && next === '*') {
      const close = sql.indexOf('*/', i + 2)
      i = close === -1 ? sql.length : close + 2
    } else if (ch === "'" || ch === '"' || ch === '`' || ch === '[') {
      hasCode = true
      i = skipQuoted(sql, i, ch === '[' ? ']' : ch)
    } else if (ch === ';') {
      if (inTriggerBody) i++
      else finish(i++)
    } else if (/[A-Za-z_]/.test(ch)) {
      hasCode = true
      const match = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(sql.slice(i, i + 64))
      const word = match![0].toUpperCase()
      i += match![0].length
      if (words.length < 4) words.push(word)
      if (!isTrigger(words)) continue
      if (!inTriggerBody) {
        if (word === 'BEGIN') inTriggerBody = true
      } else if (word === 'CASE') {
        caseDepth++
      } else if (word === 'END') {
        if (caseDepth > 0) caseDepth--
        else inTriggerBody = false
      }
    } else {
      if (!/\s/.test(ch)) hasCode = true
      i++
    }
  }
  finish(sql.length)
  return statements
}

function isTrigger(words: string[]): boolean {
  if (words[0] !== 'CREATE') return false
  const kind = words[1] === 'TEMP' || words[1] === 'TEMPORARY' ? words[2] : words[1]
  return kind === 'TRIGGER'
}

/** Returns the index just past the closing quote; a doubled quote is an escaped quote. */
function skipQuoted(sql: string, open: number, quote: string): number {
  let i = open + 1
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (quote !== ']' && sql[i + 1] === quote) i += 2
      else return i + 1
    } else {
      i++
    }
  }
  return sql.length
}

/**
 * The statement without leading comments/whitespace, for callers that classify a statement by its
 * first keyword.
 */
export function stripLeadingComments(sql: string): string {
  return sql.replace(/^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/, '')
}
