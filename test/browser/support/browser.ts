import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { repoRoot } from './server.ts'

/** Debian's Chromium; the tests never download a browser. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const screenshotDir = join(repoRoot, 'test-results/screenshots')
const docsDir = join(repoRoot, 'docs/screenshots')

export interface Browser {
  context: BrowserContext
  page: Page
  close(): Promise<void>
}

/** Headless Chromium with a throwaway profile, loopback only. */
export async function openBrowser(
  options: {
    locale?: string
    viewport?: { width: number; height: number }
    bypassCSP?: boolean
  } = {},
): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'propusk-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
    viewport: options.viewport ?? { width: 1280, height: 820 },
    // Only for tests that inject a checker (axe-core) into the page; the story keeps the CSP.
    bypassCSP: options.bypassCSP ?? false,
    locale: options.locale ?? 'en-US',
    timezoneId: 'Europe/Moscow',
  })
  // A missing element fails its test in seconds, well inside vitest's own timeout.
  context.setDefaultTimeout(10_000)
  const page = context.pages()[0] ?? (await context.newPage())
  return {
    context,
    page,
    async close() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/**
 * Saves a screenshot for reviewers under test-results/screenshots/. With UPDATE_SCREENSHOTS=1
 * the curated ones (`docs: true`) are also copied to docs/screenshots/ for the README.
 */
export async function shoot(
  page: Page,
  name: string,
  options: { docs?: boolean; height?: number; toasts?: boolean; fullPage?: boolean } = {},
) {
  mkdirSync(screenshotDir, { recursive: true })
  const file = join(screenshotDir, `${name}.png`)
  const viewport = page.viewportSize()
  if (options.height && viewport)
    await page.setViewportSize({ ...viewport, height: options.height })
  // Toasts of earlier steps would cover the page; transitions settle first.
  if (!options.toasts) {
    await page.evaluate(() =>
      document
        .querySelectorAll<HTMLElement>('.toast')
        .forEach((toast) => (toast.style.display = 'none')),
    )
  }
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.waitForTimeout(150)
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false })
  if (options.height && viewport) await page.setViewportSize(viewport)
  if (options.docs && process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(docsDir, { recursive: true })
    copyFileSync(file, join(docsDir, `${name}.png`))
  }
  return file
}

export const browserAvailable = () => existsSync(chromiumPath)
