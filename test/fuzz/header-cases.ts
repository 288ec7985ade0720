/**
 * Header- and protocol-level breakage that only a real socket can carry, applied to a request
 * line and header list before they are serialised. Each returns the bytes to send and a label.
 */
import type { Rng } from './rng.ts'

export interface RawRequest {
  method: string
  target: string
  headers: Array<[string, string]>
  body: Buffer
}

type HeaderCase = (request: RawRequest, rng: Rng) => { label: string; bytes: Buffer }

const CRLF = '\r\n'

/** Serialises with a correct Content-Length unless the case already set one. */
export function serialise(request: RawRequest, version = 'HTTP/1.1'): Buffer {
  const headers = [...request.headers]
  if (!headers.some(([name]) => /^(content-length|transfer-encoding)$/i.test(name))) {
    if (request.body.length > 0 || !['GET', 'HEAD'].includes(request.method)) {
      headers.push(['Content-Length', String(request.body.length)])
    }
  }
  const head = [
    `${request.method} ${request.target} ${version}`,
    ...headers.map(([n, v]) => `${n}: ${v}`),
  ]
  return Buffer.concat([Buffer.from(head.join(CRLF) + CRLF + CRLF, 'latin1'), request.body])
}

const withHeader = (request: RawRequest, name: string, value: string): RawRequest => ({
  ...request,
  headers: [...request.headers, [name, value]],
})

export const headerCases: Record<string, HeaderCase> = {
  duplicateAuthorization: (r) => ({
    label: 'two Authorization headers',
    bytes: serialise(
      withHeader(withHeader(r, 'Authorization', 'Bearer a.b.c'), 'Authorization', 'Basic Og=='),
    ),
  }),
  duplicateContentType: (r) => ({
    label: 'two Content-Type headers',
    bytes: serialise(
      withHeader(withHeader(r, 'Content-Type', 'text/plain'), 'Content-Type', 'application/json'),
    ),
  }),
  duplicateContentLength: (r) => ({
    label: 'two different Content-Length headers',
    bytes: serialise({
      ...r,
      headers: [...r.headers, ['Content-Length', String(r.body.length)], ['Content-Length', '1']],
    }),
  }),
  shortContentLength: (r) => ({
    label: 'Content-Length shorter than the body',
    bytes: serialise({
      ...r,
      headers: [...r.headers, ['Content-Length', String(Math.max(0, r.body.length - 5))]],
    }),
  }),
  chunkedAndLength: (r) => ({
    label: 'Transfer-Encoding chunked and Content-Length',
    bytes: serialise({
      ...r,
      headers: [...r.headers, ['Transfer-Encoding', 'chunked'], ['Content-Length', '4']],
      body: Buffer.from(
        `${r.body.length.toString(16)}\r\n${r.body.toString('latin1')}\r\n0\r\n\r\n`,
        'latin1',
      ),
    }),
  }),
  badChunk: (r) => ({
    label: 'chunk size that is not hex',
    bytes: serialise({
      ...r,
      headers: [...r.headers, ['Transfer-Encoding', 'chunked']],
      body: Buffer.from('zz\r\nhello\r\n0\r\n\r\n'),
    }),
  }),
  latin1Bytes: (r) => ({
    label: 'header value with bytes ≥ 0x80',
    bytes: serialise(withHeader(r, 'Authorization', 'Bearer \xff\xfe\xc3\x28')),
  }),
  nulInHeader: (r) => ({
    label: 'NUL in a header value',
    bytes: serialise(withHeader(r, 'X-Request-Id', 'a\0b')),
  }),
  spaceInHeaderName: (r) => ({
    label: 'space in a header name',
    bytes: serialise(withHeader(r, 'Bad Header', 'x')),
  }),
  obsFold: (r) => ({
    label: 'obs-fold header',
    bytes: serialise(withHeader(r, 'X-Folded', 'a\r\n b')),
  }),
  hugeHeader: (r, rng) => ({
    label: 'header of 20-70 KB',
    bytes: serialise(withHeader(r, 'X-Big', 'a'.repeat(rng.int(20_000, 70_000)))),
  }),
  hugeUrl: (r, rng) => ({
    label: 'URL of 20-120 KB',
    bytes: serialise({
      ...r,
      target: `${r.target}${r.target.includes('?') ? '&' : '?'}q=${'x'.repeat(rng.int(20_000, 120_000))}`,
    }),
  }),
  hugeBearer: (r) => ({
    label: 'Authorization of 15 KB',
    bytes: serialise(withHeader(r, 'Authorization', `Bearer ${'A'.repeat(15_000)}`)),
  }),
  noHost: (r) => ({
    label: 'no Host header',
    bytes: serialise({ ...r, headers: r.headers.filter(([n]) => n.toLowerCase() !== 'host') }),
  }),
  twoHosts: (r) => ({
    label: 'two Host headers',
    bytes: serialise(withHeader(r, 'Host', 'evil.example')),
  }),
  oddMethod: (r, rng) => ({
    label: 'odd method',
    bytes: serialise({
      ...r,
      method: rng.pick(['TRACE', 'FOO', 'get', 'PRI', 'M-SEARCH', 'PROPFIND', 'LINK', 'QUERY']),
    }),
  }),
  absoluteForm: (r) => ({
    label: 'absolute-form target',
    bytes: serialise({ ...r, target: `http://evil.example${r.target}` }),
  }),
  asteriskTarget: (r) => ({
    label: 'asterisk target',
    bytes: serialise({ ...r, method: 'OPTIONS', target: '*' }),
  }),
  badVersion: (r, rng) => ({
    label: 'bad HTTP version',
    bytes: serialise(r, rng.pick(['HTTP/9.9', 'HTTP/1.1x', 'HTTPS/1.1'])),
  }),
  http10: (r) => ({ label: 'HTTP/1.0', bytes: serialise(r, 'HTTP/1.0') }),
  rawTarget: (r, rng) => ({
    label: 'raw bytes in the target',
    bytes: serialise({
      ...r,
      target: `${r.target.split('?')[0]}${rng.pick(['/%ZZ', '/\xff', '?a=%E0%A4%A', '//..//', '/%00'])}`,
    }),
  }),
  expect: (r, rng) => ({
    label: 'Expect header',
    bytes: serialise(withHeader(r, 'Expect', rng.pick(['100-continue', 'garbage']))),
  }),
  contentEncoding: (r) => ({
    label: 'Content-Encoding gzip with a plain body',
    bytes: serialise(withHeader(r, 'Content-Encoding', 'gzip')),
  }),
}

export const headerCaseNames = Object.keys(headerCases)
