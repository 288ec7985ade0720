/**
 * One fuzz request for one documented operation: path parameters filled from real ids or
 * hostile segments, query strings and bodies from the schemas and then broken, odd methods,
 * content types and Authorization headers. The result is plain data, so the same request can be
 * replayed in-process or printed as a reproduction.
 */
import { brokenBody } from './body-mutations.ts'
import type { Operation, Parameter, Schema } from './openapi-model.ts'
import type { Rng } from './rng.ts'
import { oddString, validValue, type Pools } from './values.ts'

export interface FuzzRequest {
  /** What was broken, for the report (e.g. `wrong type kind`, `auth garbage`). */
  labels: string[]
  operation: Operation
  method: string
  /** Path and query, percent-encoded as sent. */
  url: string
  headers: Record<string, string>
  body?: string
}

export interface Credentials {
  adminToken: string
}

const oddMethods = ['PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'PROPFIND', 'FOO', 'GET', 'POST']
const rawSegments = ['%ZZ', '%E0%A4%A', '%', '..', '%2e%2e', '%00', '%2F', '%C0%AF', '%ED%A0%80']
const oddContentTypes = [
  'text/plain',
  'application/xml',
  'multipart/form-data',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/x-www-form-urlencoded',
  'text/csv',
  'APPLICATION/JSON',
  'application/json, text/plain',
  'application/vnd.api+json',
  '*/*',
  ';;;',
]

/**
 * Percent-encodes any string; lone surrogates (which encodeURIComponent refuses) go out as the
 * raw bytes of their UTF-8-style encoding, which is exactly the invalid input we want to send.
 */
function encode(value: string): string {
  return value
    .split(/([\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff])/)
    .map((part, i) => {
      if (i % 2 === 0) return encodeURIComponent(part)
      const code = part.charCodeAt(0)
      return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('')
    })
    .join('')
}

/** Header values must be ByteStrings without CR, LF or NUL, or `new Request` throws. */
const headerSafe = (value: string) => value.replace(/[^\x20-\x7e\x80-\xff\t]/g, '?')

function segment(rng: Rng, pools: Pools): { value: string; label?: string } {
  if (rng.chance(0.6) && pools.ids.length > 0) return { value: encode(rng.pick(pools.ids)) }
  if (rng.chance(0.4)) {
    const raw = rng.pick(rawSegments)
    return { value: raw, label: `raw segment ${raw}` }
  }
  const odd = oddString(rng).slice(0, 20_000)
  return { value: encode(odd), label: `odd segment ${JSON.stringify(odd.slice(0, 12))}` }
}

function queryString(params: Parameter[], rng: Rng, pools: Pools, labels: string[]): string {
  const parts: string[] = []
  for (const param of params) {
    if (!param.required && rng.chance(0.4)) continue
    const valid = validValue(param.schema ?? {}, rng, pools, param.name)
    let value = encode(String(valid))
    if (rng.chance(0.3)) {
      const odd = oddString(rng)
      value = encode(odd)
      labels.push(`odd query ${param.name}=${JSON.stringify(odd.slice(0, 12))}`)
    } else if (rng.chance(0.1)) {
      value = rng.pick(rawSegments)
      labels.push(`raw query ${param.name}=${value}`)
    }
    parts.push(`${encode(param.name)}=${value}`)
    if (rng.chance(0.1)) {
      parts.push(`${encode(param.name)}=${rng.pick(['', '0', '-1', 'x', '999999999'])}`)
      labels.push(`repeated query ${param.name}`)
    }
  }
  if (rng.chance(0.1)) {
    parts.push(`${rng.pick(['unknown', '__proto__', 'limit[]', '%ZZ'])}=1`)
    labels.push('unknown query param')
  }
  return parts.length > 0 ? `?${parts.join('&')}` : ''
}

function authorization(rng: Rng, credentials: Credentials, labels: string[]): string | undefined {
  const token = credentials.adminToken
  const [header = '', payload = ''] = token.split('.')
  const garbage = [
    'Bearer',
    'Bearer ',
    'Bearer garbage',
    `Bearer ${token.slice(0, -4)}AAAA`,
    `Bearer ${header}.${payload}.`,
    `Bearer eyJhbGciOiJub25lIn0.${payload}.`,
    `Bearer eyJhbGciOiJIUzI1NiJ9.${payload}.c2lnbmF0dXJl`,
    `Bearer ${token}.extra`,
    `Bearer ${token} ${token}`,
    `bearer ${token}`,
    `Basic ${btoa('admin:admin')}`,
    'Basic !!!',
    'Digest username="x"',
    `Bearer ${'A'.repeat(20_000)}`,
    'Bearer \u00ff\u00fe',
  ]
  if (rng.chance(0.75)) return `Bearer ${token}`
  const value = rng.pick(garbage)
  labels.push(`auth ${value.slice(0, 24)}`)
  return value
}

function formBody(schema: Schema, rng: Rng, pools: Pools, labels: string[]): string {
  const value = validValue(schema, rng, pools)
  const form = new URLSearchParams()
  for (const [key, v] of Object.entries((value ?? {}) as Record<string, unknown>)) {
    form.append(key, rng.chance(0.2) ? oddString(rng) : String(v))
    if (rng.chance(0.1)) form.append(key, 'again')
  }
  if (rng.chance(0.2)) labels.push('odd form')
  return rng.chance(0.1) ? `${form}&%ZZ=%E0%A4%A` : form.toString()
}

export function fuzzRequest(
  operation: Operation,
  rng: Rng,
  pools: Pools,
  credentials: Credentials,
): FuzzRequest {
  const labels: string[] = []
  let method = operation.method
  if (rng.chance(0.06)) {
    method = rng.pick(oddMethods)
    labels.push(`method ${method}`)
  }
  let path = operation.path.replace(/\{[^}]+\}/g, () => {
    const { value, label } = segment(rng, pools)
    if (label) labels.push(label)
    return value
  })
  path += queryString(
    operation.parameters.filter((p) => p.in === 'query'),
    rng,
    pools,
    labels,
  )

  const headers: Record<string, string> = {
    // Spreads requests over many client IPs so per-IP limits do not answer everything.
    'x-test-client-ip': `10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
  }
  const auth =
    operation.secured || rng.chance(0.1) ? authorization(rng, credentials, labels) : undefined
  if (auth !== undefined) headers.authorization = auth
  for (const param of operation.parameters.filter((p) => p.in === 'header')) {
    headers[param.name] = rng.chance(0.85)
      ? String(validValue(param.schema ?? {}, rng, pools))
      : headerSafe(oddString(rng).slice(0, 500))
  }
  if (rng.chance(0.05)) {
    const [name, value] = rng.pick([
      ['x-request-id', headerSafe(oddString(rng).slice(0, 5000))],
      ['origin', rng.pick(['null', 'https://evil.example', 'http://localhost:8787', '*'])],
      ['cookie', rng.pick(['propusk_refresh=garbage', '=;;=;', `a=${'b'.repeat(8000)}`])],
      ['accept', rng.pick(['text/html', 'application/xml', '*/*;q=abc'])],
      ['accept-language', rng.pick(['zz', '*', 'ru-RU;q=2', ';;;'])],
    ] as const)
    headers[name] = value
    labels.push(`header ${name}`)
  }

  let body: string | undefined
  const canHaveBody = method !== 'GET' && method !== 'HEAD'
  const media = operation.bodies.length > 0 ? rng.pick(operation.bodies) : undefined
  if (canHaveBody && media) {
    if (media.mediaType === 'application/json') {
      const broken = brokenBody(media.schema, rng, pools)
      if (broken.label !== 'valid') labels.push(broken.label)
      body = broken.text
    } else if (media.mediaType === 'application/x-www-form-urlencoded') {
      body = formBody(media.schema, rng, pools, labels)
    } else {
      body = rng.chance(0.5)
        ? 'kind,display_name,phone,email,roles\n' + oddString(rng)
        : oddString(rng)
    }
    headers['content-type'] = media.mediaType
    if (rng.chance(0.12)) {
      const type = rng.pick([...oddContentTypes, ''])
      if (type) headers['content-type'] = type
      else delete headers['content-type']
      labels.push(`content-type ${type || '(none)'}`)
    }
  } else if (canHaveBody && rng.chance(0.05)) {
    body = rng.pick(['{}', 'garbage', '{"a":1}'])
    headers['content-type'] = rng.pick(['application/json', 'text/plain'])
    labels.push('unexpected body')
  }
  return { labels, operation, method, url: path, headers, ...(body !== undefined ? { body } : {}) }
}
