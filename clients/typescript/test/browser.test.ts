/**
 * The client in headless Chromium, bundled as a web app would bundle it: password sign-in with
 * `localStorageStorage`, the session surviving a page reload, refresh and sign-out writing
 * through to `localStorage`. The page is served by Propusk itself (same origin, no CORS).
 */
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openBrowser, type Browser } from '../../../test/browser/support/browser.ts'
import { startPropusk, type RunningPropusk } from './support/server.ts'
import { password, registeredPerson } from './support/wire.ts'

let propusk: RunningPropusk
let browser: Browser
let bundle: string
beforeAll(async () => {
  const built = await build({
    entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    globalName: 'PropuskClient',
    platform: 'browser',
    target: 'es2022',
    write: false,
  })
  // page.evaluate runs the text as a function body: publish the module on the page's global.
  bundle = `${built.outputFiles[0]?.text ?? ''}\nglobalThis.PropuskClient = PropuskClient`
  propusk = await startPropusk()
  // The stand-in page is Propusk's /healthz, whose CSP (default-src 'none') forbids fetch; a
  // real web app allows its Propusk in its own `connect-src`.
  browser = await openBrowser({ bypassCSP: true })
})
afterAll(async () => {
  await browser?.close()
  await propusk?.stop()
})

type Module = typeof import('../src/index.ts')
declare const PropuskClient: Module

/** Runs `step` in the page with the bundled client loaded (again after each navigation). */
async function inPage<A, R>(step: (mod: Module, arg: A) => Promise<R>, arg: A): Promise<R> {
  const { page } = browser
  if (!(await page.evaluate(() => 'PropuskClient' in globalThis))) await page.evaluate(bundle)
  return page.evaluate(
    ([source, value]) => {
      // Playwright passes functions as source text; rebuild it next to the page's module.
      const run = new Function(`return (${source})`)() as typeof step
      return run(PropuskClient, value as A)
    },
    [step.toString(), arg] as const,
  )
}

describe('in Chromium', () => {
  it('keeps a session in localStorage across a reload, refreshes and signs out', async () => {
    const phone = await registeredPerson(propusk)
    await browser.page.goto(`${propusk.baseUrl}/healthz`)
    const options = { baseUrl: propusk.baseUrl, clientId: propusk.clientId, phone, password }

    const signedIn = await inPage(async (mod, o) => {
      const storage = mod.localStorageStorage('propusk.test')
      const client = mod.createPropuskClient({ ...o, storage })
      const tokens = await client.passwordSignIn(o.phone, o.password)
      return { tokens, stored: localStorage.getItem('propusk.test') }
    }, options)
    expect(JSON.parse(signedIn.stored ?? 'null')).toEqual(signedIn.tokens)

    await browser.page.reload()
    const afterReload = await inPage(async (mod, o) => {
      const client = mod.createPropuskClient({
        ...o,
        storage: mod.localStorageStorage('propusk.test'),
      })
      const me = await client.me()
      const refreshed = await client.refresh()
      const stored = JSON.parse(localStorage.getItem('propusk.test') ?? 'null')
      await client.signOut()
      const error = await client.me().catch((e: { code?: string }) => e.code)
      return { me, refreshed, stored, error, left: localStorage.getItem('propusk.test') }
    }, options)
    expect(afterReload.me.user.phone).toBe(phone)
    expect(afterReload.me.sessionId).toBe(signedIn.tokens.sessionId)
    expect(afterReload.stored).toEqual(afterReload.refreshed)
    expect(afterReload.refreshed.refreshToken).not.toBe(signedIn.tokens.refreshToken)
    expect(afterReload.error).toBe('not_signed_in')
    expect(afterReload.left).toBeNull()
  })

  it('reads a localStorage entry that is not a token set as signed out', async () => {
    await browser.page.goto(`${propusk.baseUrl}/healthz`)
    const read = await inPage(async (mod) => {
      const storage = mod.localStorageStorage('propusk.broken')
      localStorage.setItem('propusk.broken', '{"accessToken":1')
      const unparsable = await storage.get()
      localStorage.setItem('propusk.broken', '{"accessToken":"a"}')
      return { unparsable, partial: await storage.get() }
    }, null)
    expect(read).toEqual({ unparsable: null, partial: null })
  })
})
