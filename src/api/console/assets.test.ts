import { describe, expect, it } from 'vitest'
import { createRouter } from '../../kernel/http/validation.ts'
import { assetsBindingReader, consoleFilePath, mountConsoleAssets } from './assets.ts'

const files: Record<string, string> = {
  'index.html': '<!doctype html><title>console</title>',
  'assets/index-CqbrK7bt.js': 'console.log(1)',
  'assets/index-ISsKjga9.css': 'body{}',
  'favicon.svg': '<svg/>',
}

function app(
  read = async (path: string) => (path in files ? new TextEncoder().encode(files[path]) : null),
) {
  const router = createRouter()
  const asked: string[] = []
  mountConsoleAssets(router, {
    read: (path) => {
      asked.push(path)
      return read(path)
    },
  })
  return { router, asked }
}

describe('console assets', () => {
  it('serves index.html for /admin and every client-side route, never cached', async () => {
    const { router } = app()
    for (const path of ['/admin', '/admin/', '/admin/people/usr_1', '/admin/audit']) {
      const response = await router.request(path)
      expect(response.status, path).toBe(200)
      expect(response.headers.get('content-type')).toContain('text/html')
      expect(response.headers.get('cache-control')).toBe('no-store')
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'")
      expect(await response.text()).toContain('<title>console</title>')
    }
  })

  it('caches hashed assets for a year and gives them their content types', async () => {
    const { router } = app()
    const js = await router.request('/admin/assets/index-CqbrK7bt.js')
    expect(js.headers.get('content-type')).toContain('text/javascript')
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    const css = await router.request('/admin/assets/index-ISsKjga9.css')
    expect(css.headers.get('content-type')).toContain('text/css')
    const icon = await router.request('/admin/favicon.svg')
    expect(icon.headers.get('cache-control')).toBe('public, max-age=300')
  })

  it('answers 404, not HTML, for missing files, and refuses to leave the folder', async () => {
    const { router, asked } = app()
    const missing = await router.request('/admin/assets/index-gone1234.js')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('cache-control')).toBe('no-store')
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } })
    const escape = await router.request('/admin/assets/..%2f..%2f..%2fetc%2fpasswd.txt')
    expect(escape.status).toBe(404)
    expect(asked.some((p) => p.includes('..'))).toBe(false)
    expect(consoleFilePath('/admin/a/../../x.js', '/admin')).toBeNull()
    expect(consoleFilePath('/admin/assets/a.js', '/admin')).toBe('assets/a.js')
  })

  it('redirects / to the console and explains a missing build', async () => {
    const { router } = app(async () => null)
    const root = await router.request('/')
    expect(root.status).toBe(302)
    expect(root.headers.get('location')).toBe('/admin/')
    const index = await router.request('/admin/people')
    expect(index.status).toBe(503)
    expect(await index.text()).toContain('npm run build:console')
  })

  it('reads through a Workers assets binding, asking for index.html as /admin/', async () => {
    const asked: string[] = []
    const binding = {
      fetch: async (request: Request) => {
        const path = new URL(request.url).pathname
        asked.push(path)
        if (path === '/admin/') return new Response('<html>')
        if (path === '/admin/assets/a-12345678.js') return new Response('js')
        return new Response('nope', { status: 404 })
      },
    }
    const read = assetsBindingReader(binding)
    expect(new TextDecoder().decode((await read('index.html')) ?? undefined)).toBe('<html>')
    expect(new TextDecoder().decode((await read('assets/a-12345678.js')) ?? undefined)).toBe('js')
    expect(await read('assets/missing.js')).toBeNull()
    expect(asked).toEqual(['/admin/', '/admin/assets/a-12345678.js', '/admin/assets/missing.js'])
  })
})
