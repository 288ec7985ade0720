/**
 * The console story's scaffolding (test/browser/console.test.ts): a server checked to serve the
 * console, the page problems to report at the end, and the steps the story repeats.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core'
import { startServer, type RunningServer } from './server.ts'

/** The server of `entry`; fails fast, with the reason, when the runtime does not serve the console. */
export async function startConsoleServer(entry: string): Promise<RunningServer> {
  const server = await startServer(entry)
  const shell = await fetch(`${server.url}/admin/`)
  if (shell.status !== 200 || !(await shell.text()).includes('<div id="app">')) {
    await server.stop()
    throw new Error(
      `${entry} does not serve the console at /admin (status ${shell.status}): mount it with mountConsoleAssets (docs/console.md)`,
    )
  }
  const api = await fetch(`${server.url}/v1/console/refresh`, {
    method: 'POST',
    headers: { 'X-Propusk-Console': '1' },
  })
  if (api.status === 404) {
    await server.stop()
    throw new Error(
      'The console API (/v1/console/*) is not mounted: call mountConsole(app, services) in src/app.ts',
    )
  }
  return server
}

/** Collects into `problems` the script errors and CSP violations seen by any page of `context`. */
export function watchPageProblems(context: BrowserContext, problems: string[]): void {
  context.on('weberror', (error) => problems.push(error.error().message))
  context.on('console', (message) => {
    // HTTP error statuses are expected (refused sign-ins, validation errors).
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(message.text())
    }
  })
}

/** The app page's "Try sign-in" panel: a login, then a method, as the app itself would. */
export async function trySignIn(
  page: Page,
  login: string,
  method: 'Password' | 'E-mail code',
): Promise<Locator> {
  const panel = page.getByRole('region', { name: 'Try sign-in' })
  if (await panel.getByRole('button', { name: 'Start over' }).isVisible()) {
    await panel.getByRole('button', { name: 'Start over' }).click()
  }
  await panel.getByLabel('Phone or e-mail of the person').fill(login)
  await panel.getByRole('button', { name: 'Continue' }).click()
  await panel.getByRole('button', { name: method, exact: true }).click()
  return panel
}

/** The code of the newest sign-in e-mail, read from the Outbox in a tab of its own ('' if none). */
export async function readOutboxCode(context: BrowserContext, serverUrl: string): Promise<string> {
  const outbox = await context.newPage()
  await outbox.goto(`${serverUrl}/admin/outbox`)
  const mail = outbox.locator('article.message', { hasText: 'Your code to sign in' }).first()
  const code = /: (\d{4,8})\b/.exec((await mail.textContent()) ?? '')?.[1] ?? ''
  await outbox.close()
  return code
}
