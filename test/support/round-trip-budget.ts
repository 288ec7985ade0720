/** The round-trip budget lives in the test kit (`testing/`); this path stays for existing tests. */
export * from '../../testing/round-trip-budget.ts'
