/**
 * Saves text the console fetched (exports need the bearer token, so a plain link cannot fetch
 * them) as a file, through a short-lived object URL.
 */
export function saveText(text: string, filename: string, type = 'text/csv;charset=utf-8'): void {
  // A byte-order mark lets Excel read the file as UTF-8 (Cyrillic); fetch's text() drops it.
  const body = text.startsWith('\uFEFF') ? text : `\uFEFF${text}`
  const url = URL.createObjectURL(new Blob([body], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** `people-2026-03-01.csv`: the day in the admin's own time zone. */
export const datedName = (base: string) => `${base}-${new Date().toLocaleDateString('sv-SE')}.csv`
