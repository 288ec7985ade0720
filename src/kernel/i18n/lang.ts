/** Russian and English texts of the account pages, chosen by `?lang=` or Accept-Language. */
export type Lang = 'ru' | 'en'

/** The first of ru/en in the visitor's preference order (q-values honoured); English otherwise. */
export function pickLang(acceptLanguage: string | undefined, explicit?: string): Lang {
  if (explicit === 'ru' || explicit === 'en') return explicit
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      return { primary: tag.split('-')[0] ?? '', q: q ? Number(q.slice(2)) || 0 : 1, index }
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
  const found = ranked.find((entry) => entry.primary === 'ru' || entry.primary === 'en')
  return found?.primary === 'ru' ? 'ru' : 'en'
}
