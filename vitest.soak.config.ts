import { defineConfig } from 'vitest/config'

/**
 * `npm run test:soak`: the long soak and fault suites (test/soak/*.soak.ts), kept out of
 * `npm test`. They start their own redis-server, libSQL bridge and Node server, so there is no
 * global setup; one file at a time, as they measure time and memory.
 */
export default defineConfig({
  test: {
    include: ['test/soak/**/*.soak.ts'],
    testTimeout: 30 * 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
})
