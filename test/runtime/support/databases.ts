/** Moved to the test kit, which the bench shares; this path stays for the runtime tests. */
export * from '../../../testing/runtime/databases.ts'
