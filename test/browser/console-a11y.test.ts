import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { browserAvailable, openBrowser, screenshotDir, type Browser } from './support/browser.ts'
import { startConsoleServer } from './support/console.ts'
import type { RunningServer } from './support/server.ts'
import {
  consolePages,
  openPage,
  openSignedOut,
  seedInstall,
  seriousViolations,
  signIn,
  type AxeFinding,
  type Seeded,
} from './support/walk.ts'

/**
 * axe-core on every console page (sign-in included), in both languages, at desktop and phone
 * width, in light and dark colour schemes: no serious or critical violation.
 */
const entry = process.env.PROPUSK_BROWSER_ENTRY ?? 'src/runtime/node/main.ts'
const widths = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const

let server: RunningServer
let browser: Browser
let page: Page
let seeded: Seeded

type Case = { lang: 'en' | 'ru'; scheme: 'light' | 'dark'; size: (typeof widths)[number] }

/** Light in both languages at both widths; dark once per language and once per width. */
const cases: Case[] = [
  { lang: 'en', scheme: 'light', size: widths[0] },
  { lang: 'en', scheme: 'light', size: widths[1] },
  { lang: 'ru', scheme: 'light', size: widths[0] },
  { lang: 'ru', scheme: 'light', size: widths[1] },
  { lang: 'en', scheme: 'dark', size: widths[0] },
  { lang: 'ru', scheme: 'dark', size: widths[1] },
]

async function walk({ lang, scheme, size }: Case): Promise<AxeFinding[]> {
  const findings: AxeFinding[] = []
  const label = `${lang} ${scheme} ${size.name}`
  await page.emulateMedia({ colorScheme: scheme })
  await page.setViewportSize({ width: size.width, height: size.height })
  // Signed out (no page left open to refresh the cookie meanwhile): the hosted sign-in page.
  await openSignedOut(page, server.url, lang)
  findings.push(...(await seriousViolations(page, `${label} sign-in`)))
  await signIn(page, server.url)
  // The console follows the system's colour scheme (as the setup and invitation pages do).
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  expect(background).toBe(scheme === 'dark' ? 'rgb(15, 19, 26)' : 'rgb(246, 247, 249)')
  for (const path of consolePages(seeded)) {
    await openPage(page, `${server.url}${path}`)
    findings.push(...(await seriousViolations(page, `${label} ${path}`)))
  }
  return findings
}

describe.skipIf(!browserAvailable())('console accessibility (axe-core)', () => {
  beforeAll(async () => {
    server = await startConsoleServer(entry)
    seeded = await seedInstall(server.url, server.setupLink)
    browser = await openBrowser({ bypassCSP: true, viewport: widths[0] })
    page = browser.page
  }, 90_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  for (const one of cases) {
    const name = `${one.lang}-${one.scheme}-${one.size.name}`
    it(`has no serious or critical violation: ${name}`, async () => {
      const findings = await walk(one)
      // What axe found, for the reviewer: one line per page and rule.
      mkdirSync(screenshotDir, { recursive: true })
      writeFileSync(
        join(screenshotDir, `../axe-${name}.txt`),
        findings
          .map((f) => `${f.page} ${f.impact} ${f.rule} ×${f.nodes} ${f.targets.join(', ')}`)
          .join('\n'),
      )
      expect(findings).toEqual([])
    }, 120_000)
  }
})
