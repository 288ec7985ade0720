import { afterEach, beforeEach } from 'vitest'
import { createTestPropusk, type TestPropusk } from '../../../test/support/propusk.ts'
import {
  adminRequest,
  createAdmin,
  quietDelivery,
  type TestAdmin,
} from '../../../test/support/admin.ts'
import type { Propusk } from '../index.ts'
import { hashPassword } from '../passwords/index.ts'

/** Checks that `createPropusk` mounted the console API (with the app's live plugin settings). */
export function withConsole(propusk: Propusk): void {
  if (!propusk.app.routes.some((route) => route.path === '/v1/console/refresh')) {
    throw new Error('createPropusk did not mount the console API')
  }
}

export async function setPassword(propusk: Propusk, userId: string, password: string) {
  await propusk.services.sql.execute({
    sql: 'UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?',
    args: [await hashPassword(password), new Date().toISOString(), userId],
  })
}

/** The cookie the response set, as `name=value`, and its attributes. */
export function setCookieOf(response: Response): { pair: string; attributes: string } | null {
  const header = response.headers.get('set-cookie')
  if (!header) return null
  const [pair = '', ...rest] = header.split(';').map((part) => part.trim())
  return { pair, attributes: rest.join('; ') }
}

export const consoleHeaders = {
  'X-Propusk-Console': '1',
  'Content-Type': 'application/json',
}

/**
 * A fresh app with the console mounted and a full admin for each test of the calling file;
 * read its `propusk` and `admin` inside tests (each test gets new ones). `call` sends as that admin.
 */
export function useConsoleAdmin() {
  const current = {} as { propusk: TestPropusk; admin: TestAdmin }
  beforeEach(async () => {
    current.propusk = await createTestPropusk({ env: quietDelivery })
    withConsole(current.propusk)
    current.admin = await createAdmin(current.propusk)
  })
  afterEach(async () => {
    await current.propusk.close()
  })
  const call = (path: string, init: Parameters<typeof adminRequest>[3] = {}) =>
    adminRequest(current.propusk, current.admin.token, path, init)
  return {
    get propusk() {
      return current.propusk
    },
    get admin() {
      return current.admin
    },
    call,
  }
}

export const json = async (response: Response) => (await response.json()) as Record<string, any>
