/**
 * HTTP/1.1 over a bare TCP socket, for the cases `fetch` refuses to send: duplicate headers,
 * bytes that are not ByteStrings, broken request lines, lying Content-Length, smuggling-shaped
 * Transfer-Encoding. One connection per request (`Connection: close`), read to the end.
 */
import { connect } from 'node:net'

export interface RawAnswer {
  /** 0 when the server closed (or went silent) without a status line. */
  status: number
  headers: Record<string, string>
  body: string
}

function decodeChunked(data: Buffer): Buffer {
  const parts: Buffer[] = []
  let offset = 0
  while (offset < data.length) {
    const lineEnd = data.indexOf('\r\n', offset)
    if (lineEnd < 0) break
    const size = parseInt(data.subarray(offset, lineEnd).toString('latin1'), 16)
    if (!Number.isFinite(size) || size === 0) break
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size))
    offset = lineEnd + 2 + size + 2
  }
  return Buffer.concat(parts)
}

export function parseAnswer(raw: Buffer): RawAnswer {
  const headEnd = raw.indexOf('\r\n\r\n')
  if (headEnd < 0) return { status: 0, headers: {}, body: raw.toString('latin1') }
  const [statusLine = '', ...lines] = raw.subarray(0, headEnd).toString('latin1').split('\r\n')
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0)
  // `Expect: 100-continue` gets an interim answer first; the real one follows it.
  if (status >= 100 && status < 200) return parseAnswer(raw.subarray(headEnd + 4))
  const headers: Record<string, string> = {}
  for (const line of lines) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  let body = raw.subarray(headEnd + 4)
  if (headers['transfer-encoding']?.toLowerCase() === 'chunked') body = decodeChunked(body)
  return { status, headers, body: body.toString('utf8') }
}

/** Sends `request` bytes as they are and returns the (first) answer. */
export function sendRaw(port: number, request: Buffer, timeoutMs = 5000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    const chunks: Buffer[] = []
    let settled = false
    const finish = () => {
      if (settled) return
      settled = true
      socket.destroy()
      resolve(parseAnswer(Buffer.concat(chunks)))
    }
    socket.setTimeout(timeoutMs, finish)
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('end', finish)
    socket.on('close', finish)
    // A reset after the server answered and closed is normal for a request it refused early.
    socket.on('error', finish)
    socket.on('connect', () => socket.write(request))
  })
}
