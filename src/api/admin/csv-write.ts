/**
 * CSV writing for exports: RFC 4180 quoting, and cells that a spreadsheet would run as a
 * formula (starting with `=`, `+`, `-`, `@`, or a tab or carriage return that hides one) get a
 * leading `'`, as OWASP advises against CSV injection. A phone number such as `+79161234567`
 * is such a cell too: the quote keeps it text, which is also what the admin wants.
 */
const formulaStart = /^[=+\-@\t\r]/

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (formulaStart.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export const csvLine = (cells: Array<string | number | boolean | null | undefined>) =>
  `${cells.map(csvCell).join(',')}\r\n`

/**
 * A CSV body streamed page by page: `pages` yields rows until the data ends, so an export of
 * any size holds one page in memory. Starts with a UTF-8 BOM, so Excel reads Cyrillic right.
 */
export function csvStream(header: string[], pages: AsyncIterable<string[][]>): ReadableStream {
  const encoder = new TextEncoder()
  const iterator = pages[Symbol.asyncIterator]()
  let started = false
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(header)}`))
        return
      }
      const next = await iterator.next()
      if (next.done) {
        controller.close()
        return
      }
      controller.enqueue(encoder.encode(next.value.map(csvLine).join('')))
    },
    async cancel() {
      await iterator.return?.()
    },
  })
}

/** Every page of a cursor-paged list, `size` at a time. */
export async function* allPages<T>(
  list: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
): AsyncGenerator<T[]> {
  let cursor: string | undefined
  do {
    const page = await list(cursor)
    if (page.items.length) yield page.items
    cursor = page.nextCursor ?? undefined
  } while (cursor)
}
