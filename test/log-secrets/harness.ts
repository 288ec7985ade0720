/**
 * The running app for the log-secrets flows, and JSON calls that stop the test when a step did
 * not do what it should (a flow that silently failed would prove nothing about its logs).
 */
import { linkToken } from '../support/account.ts'
import type { TestPropusk } from '../support/propusk.ts'
import type { createSecrets } from './leaks.ts'

export interface Answer {
  status: number
  body: Record<string, unknown>
  headers: Headers
}

export interface FlowContext {
  propusk: TestPropusk
  secrets: ReturnType<typeof createSecrets>
  appId: string
}

export async function call(
  ctx: FlowContext,
  method: string,
  path: string,
  options: {
    body?: unknown
    token?: string
    headers?: Record<string, string>
    form?: boolean
  } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers }
  let body: string | undefined
  if (options.body !== undefined) {
    body = options.form
      ? new URLSearchParams(options.body as Record<string, string>).toString()
      : JSON.stringify(options.body)
    headers['Content-Type'] = options.form
      ? 'application/x-www-form-urlencoded'
      : 'application/json'
  }
  if (options.token) headers.Authorization = `Bearer ${options.token}`
  const response = await ctx.propusk.app.request(`https://id.example.com${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body } : {}),
  })
  const text = await response.text()
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    headers: response.headers,
  }
}

/** The answer's body when the status is the expected one; otherwise the whole answer as an error. */
export function expectOk(answer: Answer, status: number, step: string): Record<string, unknown> {
  if (answer.status !== status) {
    throw new Error(
      `${step}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`,
    )
  }
  return answer.body
}

/** The value of a cookie the answer set. */
export function setCookie(answer: Answer, name: string): string {
  const header = answer.headers.get('set-cookie') ?? ''
  const value = new RegExp(`${name}=([^;]+)`).exec(header)?.[1]
  if (!value) throw new Error(`no ${name} cookie in ${header}`)
  return decodeURIComponent(value)
}

/**
 * The token of the newest link to `path` sent to `recipient` that is not `previous`. Some links
 * are sent in the background after the answer, so the outbox is polled for a moment.
 */
export async function newLinkToken(
  ctx: FlowContext,
  recipient: string,
  path: string,
  previous?: string,
): Promise<string> {
  const deadline = Date.now() + 5000
  for (;;) {
    const token = await linkToken(ctx.propusk, recipient, path).catch(() => undefined)
    if (token && token !== previous) return token
    if (Date.now() > deadline) throw new Error(`no new ${path} link was sent to ${recipient}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
