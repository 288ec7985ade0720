/** The fake vendor API lives in the test kit (`testing/`); this path stays for existing tests. */
export * from '../../testing/fake-http.ts'
