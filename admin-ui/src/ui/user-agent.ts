/**
 * "Chrome 126 · Windows" from a User-Agent header: enough to tell devices apart in a list (the
 * full string goes in a tooltip). Order matters: Edge and Opera also say "Chrome", Chrome also
 * says "Safari", and so on.
 */
const browsers: Array<[RegExp, string]> = [
  [/Edg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
  [/(?:OPR|Opera)\/(\d+)/, 'Opera'],
  [/YaBrowser\/(\d+)/, 'Yandex Browser'],
  [/SamsungBrowser\/(\d+)/, 'Samsung Internet'],
  [/Firefox\/(\d+)/, 'Firefox'],
  [/FxiOS\/(\d+)/, 'Firefox'],
  [/CriOS\/(\d+)/, 'Chrome'],
  [/HeadlessChrome\/(\d+)/, 'Headless Chrome'],
  [/Chrom(?:e|ium)\/(\d+)/, 'Chrome'],
  [/Version\/(\d+)[\d.]* (?:Mobile\/\S+ )?Safari\//, 'Safari'],
  [/okhttp\/(\d+)/, 'Android app (OkHttp)'],
  [/CFNetwork\/(\d+)/, 'iOS app'],
  [/Dalvik\/(\d+)/, 'Android app'],
  [/node(?:-fetch)?\/?(\d+)?/i, 'Node.js'],
  [/curl\/(\d+)/, 'curl'],
]

const systems: Array<[RegExp, string]> = [
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Android/, 'Android'],
  [/Windows NT/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
]

export function describeUserAgent(ua: string | null | undefined): string | null {
  if (!ua) return null
  let browser: string | null = null
  for (const [pattern, name] of browsers) {
    const match = pattern.exec(ua)
    if (match) {
      browser = match[1] ? `${name} ${match[1]}` : name
      break
    }
  }
  const system = systems.find(([pattern]) => pattern.test(ua))?.[1] ?? null
  const parts = [browser, system].filter(Boolean)
  return parts.length ? parts.join(' · ') : ua.slice(0, 40)
}
