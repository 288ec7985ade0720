/**
 * What `zod` resolves to in the Worker bundle (wrangler.toml `[alias]`). Every export is zod's
 * own, so `import * as z from 'zod'` works as anywhere else and is tree-shaken, except the `z`
 * binding: @hono/zod-openapi passes `z` to `extendZodWithOpenApi` when it loads, and a module
 * namespace used as a value makes esbuild keep every export of zod, its 64 locales included
 * (~65 KB of the gzipped bundle). That call reads only `z.ZodType`, so that is all it gets here;
 * code that imports `z` by name (forbidden by test/runtime/worker-size.test.ts) fails loudly.
 */
import { ZodType } from '../../../../node_modules/zod/v4/classic/external.js'

export * from '../../../../node_modules/zod/v4/classic/external.js'
export const z = new Proxy(
  { ZodType },
  {
    get(target, name) {
      if (typeof name !== 'string' || name in target) return Reflect.get(target, name)
      throw new Error(
        `zod.z.${name}: import zod as \`import * as z from 'zod'\`: the Worker's zod is src/runtime/workers/stand-ins/zod.ts`,
      )
    },
  },
)
export default z
