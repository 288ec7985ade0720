/** A failing fuzz request as a shell command anyone can paste against `npm start`. */
import type { Answer } from './check.ts'
import type { FuzzRequest } from './requests.ts'

const quote = (value: string) => `'${value.replaceAll("'", "'\\''")}'`
const shorten = (value: string, max: number) =>
  value.length > max ? `${value.slice(0, max)}…(${value.length} chars)` : value

export function reproduction(request: FuzzRequest, answer: Answer): string {
  const parts = [
    `curl -i -X ${request.method} ${quote(`http://localhost:8787${shorten(request.url, 300)}`)}`,
  ]
  for (const [name, value] of Object.entries(request.headers)) {
    if (name === 'x-test-client-ip') continue
    parts.push(`-H ${quote(`${name}: ${shorten(value, 80)}`)}`)
  }
  if (request.body !== undefined) parts.push(`--data-raw ${quote(shorten(request.body, 300))}`)
  return `${parts.join(' ')}  # → ${answer.status} ${shorten(answer.text, 200)}`
}
