/**
 * The Node HTTP server around the app. `@hono/node-server`'s `serve` answers some requests
 * itself with a bare status and no body: a request target the WHATWG URL cannot hold
 * (`GET * HTTP/1.1`, a bad Host), a request without Host (Node's own check), an `Expect` it does
 * not know (Node's 417). Propusk's clients branch on the JSON `code`, so this server gives those
 * the same `{"error":{"code","message","requestId"}}` body as every other error.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import {
  getRequestListener,
  RequestError,
  type Http2Bindings,
  type HttpBindings,
} from '@hono/node-server'
import { ApiError, coreError } from '../../kernel/errors.ts'
import { randomId } from '../../kernel/crypto.ts'
import { type Logger } from '../../kernel/logger.ts'
import { answerClientErrors } from './client-errors.ts'

type Fetch = (request: Request, env: HttpBindings | Http2Bindings) => Response | Promise<Response>

function errorHeaders(requestId: string): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'X-Request-Id': requestId,
  }
}

function jsonError(error: ApiError): Response {
  const requestId = randomId('req', 12)
  return new Response(JSON.stringify(error.toJSON(requestId)), {
    status: error.status,
    headers: errorHeaders(requestId),
  })
}

/**
 * What the listener answers when it cannot build a Request (the client's mistake) or the app's
 * fetch rejects (ours: the app turns its own errors into responses, so this is a bug).
 */
function listenerError(log: Logger) {
  return (error: unknown): Response => {
    if (error instanceof RequestError) {
      log.info('request refused before routing', {
        errorCode: 'bad_request',
        reason: error.message,
      })
      return jsonError(
        coreError('bad_request', 'The request target or the Host header is not a valid URL.'),
      )
    }
    log.error('unhandled error', {
      error: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    })
    return jsonError(coreError('internal_error'))
  }
}

/** Node answers an `Expect` other than 100-continue with a bare 417 unless someone listens. */
function answerExpectation(log: Logger) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const requestId = randomId('req', 12)
    log.info('request refused before routing', {
      errorCode: 'expectation_failed',
      reason: `Expect: ${request.headers.expect ?? ''}`.slice(0, 200),
    })
    const error = coreError('expectation_failed')
    const body = JSON.stringify(error.toJSON(requestId))
    response.writeHead(error.status, {
      ...errorHeaders(requestId),
      'Content-Length': Buffer.byteLength(body),
      Connection: 'close',
    })
    response.end(body)
  }
}

/** An `http.Server` serving `fetch`, with JSON answers for everything refused before the app. */
export function createNodeServer(fetch: Fetch, log: Logger): Server {
  const listener = getRequestListener(fetch, { errorHandler: listenerError(log) })
  // Without Host, @hono/node-server cannot build the URL and refuses it through `errorHandler`
  // (JSON), where Node's own check would answer a bare 400.
  const server = createServer({ requireHostHeader: false }, listener)
  answerClientErrors(server, log)
  server.on('checkExpectation', answerExpectation(log))
  return server
}
