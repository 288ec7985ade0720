/**
 * The floor: the least an identity server on this stack can do per request, so Propusk's numbers
 * can be read as ratios on the same machine in the same run. Hono on @hono/node-server, one
 * libSQL read from a file and jose ES256, nothing else:
 * - `POST /sign-in`: one SELECT by login, then one ES256 signature (the floor of any sign-in);
 * - `GET /verify`: one ES256 verification of the bearer token (the floor of a session read);
 * - `GET /static`: a static JSON document (the floor of JWKS and discovery);
 * - `POST /refresh`: the least a durable refresh-token rotation needs: one write transaction
 *   (read the presented token's row with its session, mark it used, insert its successor and one
 *   audit row, COMMIT, which waits for the WAL's fsync as any durable commit does) on the
 *   `libsql` driver with every statement compiled once, then one ES256 signature. It is the
 *   floor of a refresh and of each code flow's write.
 * Run by bench/entries/flows.ts as its own process: `tsx bench/flows/floor-server.ts <port> <dir>`.
 */
import { createHash, randomBytes } from 'node:crypto'
import { serve } from '@hono/node-server'
import { createClient } from '@libsql/client'
import { Hono } from 'hono'
import { SignJWT, exportJWK, generateKeyPair, jwtVerify } from 'jose'
import Database from 'libsql'

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

const signAccess = (userId: string) =>
  new SignJWT({ client_id: 'floor' })
    .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
    .setSubject(userId)
    .setIssuer('http://floor')
    .setAudience('floor')
    .setIssuedAt()
    .setExpirationTime('15m')
    .sign(privateKey)

// The rotation's own file and connection, WAL as Propusk's (synchronous stays SQLite's FULL).
const rotations = new Database(`${dir}/floor-rotate.db`)
rotations.exec(`
  PRAGMA journal_mode = WAL;
  CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, revoked_at TEXT);
  CREATE TABLE IF NOT EXISTS refresh_tokens (
    hash TEXT PRIMARY KEY, session_id TEXT NOT NULL REFERENCES sessions (id), used_at TEXT);
  CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY, at TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL);
`)
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex')
const newToken = () => randomBytes(32).toString('base64url')
const findToken = rotations.prepare(
  `SELECT t.session_id, s.user_id FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id
   WHERE t.hash = ? AND t.used_at IS NULL AND s.revoked_at IS NULL`,
)
const markUsed = rotations.prepare(
  'UPDATE refresh_tokens SET used_at = ? WHERE hash = ? AND used_at IS NULL',
)
const insertToken = rotations.prepare(
  'INSERT INTO refresh_tokens (hash, session_id, used_at) VALUES (?, ?, NULL)',
)
const insertSession = rotations.prepare(
  'INSERT INTO sessions (id, user_id, revoked_at) VALUES (?, ?, NULL)',
)
const insertAudit = rotations.prepare('INSERT INTO audit (at, action, target) VALUES (?, ?, ?)')
const rotate = rotations.transaction((presented: string, next: string) => {
  const hash = tokenHash(presented)
  const row = findToken.get(hash) as { session_id: string; user_id: string } | undefined
  if (!row) return undefined
  const at = new Date().toISOString()
  markUsed.run(at, hash)
  insertToken.run(tokenHash(next), row.session_id)
  insertAudit.run(at, 'token.refresh', row.session_id)
  return row
})

const app = new Hono()
app.post('/session', (c) => {
  const session = `ses_${newToken()}`
  const token = newToken()
  rotations.transaction(() => {
    insertSession.run(session, 'usr_1')
    insertToken.run(tokenHash(token), session)
  })()
  return c.json({ refresh_token: token })
})
app.post('/refresh', async (c) => {
  const { refresh_token: presented } = await c.req.json<{ refresh_token: string }>()
  const next = newToken()
  const row = rotate(presented, next)
  if (!row) return c.json({ code: 'invalid_grant' }, 400)
  const access = await signAccess(row.user_id)
  return c.json({ access_token: access, refresh_token: next, token_type: 'Bearer' })
})
app.post('/sign-in', async (c) => {
  const { login } = await c.req.json<{ login: string }>()
  const { rows } = await db.execute({
    sql: 'SELECT id, status FROM users WHERE login = ?',
    args: [login],
  })
  const row = rows[0]
  if (!row) return c.json({ code: 'invalid_credentials' }, 401)
  const token = await signAccess(String(row.id))
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
