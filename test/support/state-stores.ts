/** The state-store list lives in the test kit (`testing/`); this path stays for existing tests. */
export { stateStores } from '../../testing/state-stores.ts'
