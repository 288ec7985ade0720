/** Moved to the test kit, which the bench shares; this path stays for existing tests. */
export * from '../../testing/redis-server.ts'
