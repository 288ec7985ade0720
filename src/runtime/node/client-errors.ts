/**
 * Requests Node refuses before they reach the app (a request line plus headers over
 * `maxHeaderSize`, a head that never finishes arriving, bytes that are not HTTP). Node's default
 * `clientError` answer is a bare status line with no body; clients of Propusk branch on the JSON
 * `code`, so these get the same `{"error":{"code","message","requestId"}}` body as every other
 * error.
 */
import type { Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { coreError } from '../../kernel/errors.ts'
import { randomId } from '../../kernel/crypto.ts'
import { type Logger } from '../../kernel/logger.ts'
import type { CoreErrorCode } from '../../kernel/errors.ts'

/** Node's parser error codes → the stable code the client sees. */
function codeFor(nodeCode: string | undefined): CoreErrorCode {
  // llhttp counts the request line in the header budget, so a huge URL also lands here.
  if (nodeCode === 'HPE_HEADER_OVERFLOW') return 'request_header_too_large'
  if (nodeCode === 'ERR_HTTP_REQUEST_TIMEOUT') return 'request_timeout'
  return 'bad_request'
}

/** The peer reset the connection, or hung up in the middle of a request. */
const peerGoneCodes = new Set(['ECONNRESET', 'HPE_INVALID_EOF_STATE'])

const reasons: Partial<Record<number, string>> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
}

/** The raw HTTP/1.1 answer for a refused request (the connection is closed after it). */
export function clientErrorResponse(nodeCode: string | undefined, requestId: string): string {
  const error = coreError(codeFor(nodeCode))
  const body = JSON.stringify(error.toJSON(requestId))
  return [
    `HTTP/1.1 ${error.status} ${reasons[error.status] ?? 'Error'}`,
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'X-Content-Type-Options: nosniff',
    `X-Request-Id: ${requestId}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n')
}

/** Replaces Node's bare answer to unparseable requests with a JSON error body. */
export function answerClientErrors(server: Server, log: Logger): void {
  server.on('clientError', (error: Error & { code?: string }, socket: Duplex) => {
    // A peer that is already gone cannot be answered; nor can a connection whose response has
    // started (Node keeps it on the socket as `_httpMessage`).
    const started = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage
    const peerGone = error.code !== undefined && peerGoneCodes.has(error.code)
    if (peerGone || !socket.writable || started?.headersSent) {
      // Usually a client abort; a request that reached the app has logged itself already.
      log.debug('client connection ended without an answer', {
        reason: error.code ?? error.message,
      })
      socket.destroy()
      return
    }
    const requestId = randomId('req', 12)
    // The client's mistake, not the server's: info, with what Node said.
    log.info('request refused before routing', {
      requestId,
      errorCode: codeFor(error.code),
      reason: error.code ?? error.message,
    })
    socket.end(clientErrorResponse(error.code, requestId))
  })
}
