/**
 * A small RFC 4180 reader: quoted fields (with `""` escapes and line breaks), CRLF or LF, a
 * UTF-8 BOM (Excel writes one). The delimiter is taken from the header line — `,`, `;` (what
 * Excel writes in Russian locales) or a tab.
 */
export interface CsvRecord {
  /** 1-based record number; the header is record 1, like a spreadsheet's row numbers. */
  row: number
  cells: string[]
}

export function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/))
  const counts = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length - 1 }))
  counts.sort((a, b) => b.n - a.n)
  return counts[0] && counts[0].n > 0 ? counts[0].d : ','
}

/** A file that cannot be read as CSV, e.g. `unclosed quote at row 7`. */
export class CsvSyntaxError extends Error {
  override readonly name = 'CsvSyntaxError'
}

export function parseCsv(input: string): CsvRecord[] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input
  const delimiter = detectDelimiter(text)
  const records: CsvRecord[] = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let row = 1
  // Where the open quote started: a quoted cell may span lines, so the error names its start.
  let quoteRow = 0
  const endRecord = () => {
    cells.push(cell)
    // Blank lines are skipped but keep their number, so reports match the file.
    if (cells.length > 1 || cells[0]!.trim() !== '') records.push({ row, cells })
    cells = []
    cell = ''
    row++
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') {
        quoted = false
      } else {
        cell += ch
      }
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true
      quoteRow = row
      cell = ''
    } else if (ch === delimiter) {
      cells.push(cell)
      cell = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      endRecord()
    } else {
      cell += ch
    }
  }
  // Without this, the rest of the file would silently become one cell of one row.
  if (quoted) throw new CsvSyntaxError(`unclosed quote at row ${quoteRow}`)
  if (cell !== '' || cells.length > 0) endRecord()
  return records
}
