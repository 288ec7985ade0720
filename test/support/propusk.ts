/** The shared harness lives in the test kit (`testing/`); this path stays for existing tests. */
export {
  createTestPropusk,
  fromIp,
  json,
  type TestPropusk,
  type TestPropuskOptions,
} from '../../testing/index.ts'
