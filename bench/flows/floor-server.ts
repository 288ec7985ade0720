/**
 * The floor: the least an identity server on this stack can do per request, so Propusk's numbers
 * can be read as ratios on the same machine in the same run. Hono on @hono/node-server, one
 * libSQL read from a file and jose ES256, nothing else:
 * - `POST /sign-in`: one SELECT by login, then one ES256 signature (the floor of any sign-in);
 * - `GET /verify`: one ES256 verification of the bearer token (the floor of a session read);
 * - `GET /static`: a static JSON document (the floor of JWKS and discovery).
 * Run by bench/entries/flows.ts as its own process: `tsx bench/flows/floor-server.ts <port> <dir>`.
 */
import { serve } from '@hono/node-server'
import { createClient } from '@libsql/client'
import { Hono } from 'hono'
import { SignJWT, exportJWK, generateKeyPair, jwtVerify } from 'jose'

const [portArg, dir] = process.argv.slice(2)
if (!portArg || !dir) throw new Error('usage: floor-server.ts <port> <dir>')

const db = createClient({ url: `file:${dir}/floor.db` })
await db.executeMultiple(`
  CREATE TABLE IF NOT EXISTS users (id TEXT PRIMARY KEY, login TEXT UNIQUE NOT NULL, status TEXT NOT NULL);
  INSERT OR IGNORE INTO users VALUES ('usr_1', '+79160000001', 'active');
`)
const { privateKey, publicKey } = await generateKeyPair('ES256')
const jwks = JSON.stringify({
  keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' }],
})

const app = new Hono()
app.post('/sign-in', async (c) => {
  const { login } = await c.req.json<{ login: string }>()
  const { rows } = await db.execute({
    sql: 'SELECT id, status FROM users WHERE login = ?',
    args: [login],
  })
  const row = rows[0]
  if (!row) return c.json({ code: 'invalid_credentials' }, 401)
  const token = await new SignJWT({ client_id: 'floor' })
    .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
    .setSubject(String(row.id))
    .setIssuer('http://floor')
    .setAudience('floor')
    .setIssuedAt()
    .setExpirationTime('15m')
    .sign(privateKey)
  return c.json({ access_token: token, token_type: 'Bearer', expires_in: 900 })
})
app.get('/verify', async (c) => {
  const token = (c.req.header('authorization') ?? '').replace(/^Bearer /, '')
  try {
    const { payload } = await jwtVerify(token, publicKey, {
      algorithms: ['ES256'],
      issuer: 'http://floor',
      audience: 'floor',
    })
    return c.json({ sub: payload.sub })
  } catch {
    return c.json({ code: 'invalid_token' }, 401)
  }
})
app.get('/static', (c) => c.body(jwks, 200, { 'content-type': 'application/json' }))

// A normal exit on SIGTERM, so that `node --cpu-prof` writes its profile.
process.once('SIGTERM', () => process.exit(0))

serve({ fetch: app.fetch, port: Number(portArg), hostname: '127.0.0.1' }, () => {
  console.log(`floor listening on ${portArg}`)
})
