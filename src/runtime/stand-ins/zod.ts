/**
 * What `zod` resolves to in the bundles: the Worker's (wrangler.toml `[alias]`) and the Node
 * server's (src/runtime/node/build.mjs). Every export is zod's own, so `import * as z from 'zod'`
 * works as anywhere else and is tree-shaken, except the `z` binding: @hono/zod-openapi passes `z`
 * to `extendZodWithOpenApi` when it loads, and a module namespace used as a value makes esbuild
 * keep every export of zod, its 64 locales included (~65 KB of the gzipped Worker). That call
 * reads only `z.ZodType`, so that is all it gets here; code that imports `z` by name (forbidden
 * by test/runtime/worker-size.test.ts) fails loudly.
 */
import { ZodType } from '../../../node_modules/zod/v4/classic/external.js'

export * from '../../../node_modules/zod/v4/classic/external.js'
export const z = new Proxy(
  { ZodType },
  {
    get(target, name) {
      if (typeof name !== 'string' || name in target) return Reflect.get(target, name)
      throw new Error(
        `zod.z.${name}: import zod as \`import * as z from 'zod'\`: the bundled zod is src/runtime/stand-ins/zod.ts`,
      )
    },
  },
)
export default z
