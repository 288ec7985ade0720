import { cryptoUtils } from 'propusk/plugin'
import { md5 } from './md5.ts'

const encoder = new TextEncoder()

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

export interface SignedHeaders {
  authorization: string
  'x-timestamp': string
}

/**
 * Sinch "Application Signed Request"
 * (https://developers.sinch.com/docs/verification/api-reference/authentication/application-signed-request):
 * StringToSign = verb \n Base64(MD5(body)) \n Content-Type \n "x-timestamp:" ts \n path, signed
 * with HMAC-SHA256 keyed by the base64-decoded application secret.
 */
export async function signSinchRequest(options: {
  applicationKey: string
  applicationSecret: string
  method: string
  path: string
  contentType: string
  body: string
  timestamp: string
}): Promise<SignedHeaders> {
  const contentMd5 = toBase64(md5(encoder.encode(options.body)))
  const stringToSign = [
    options.method,
    contentMd5,
    options.contentType,
    `x-timestamp:${options.timestamp}`,
    options.path,
  ].join('\n')
  const key = await crypto.subtle.importKey(
    'raw',
    new Uint8Array(cryptoUtils.base64UrlDecode(options.applicationSecret)),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  const signature = new Uint8Array(
    await crypto.subtle.sign('HMAC', key, encoder.encode(stringToSign)),
  )
  return {
    authorization: `Application ${options.applicationKey}:${toBase64(signature)}`,
    'x-timestamp': options.timestamp,
  }
}
