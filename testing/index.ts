/**
 * `propusk/testing`: the test kit for plugin authors and Propusk's own tests. A test starts a
 * whole Propusk (`createTestPropusk`), arranges rows (`insertUser`, `createApp`, `createRole`),
 * signs people in (`signInAs`, `adminToken`), drives HTTP (`request`), reads what was sent
 * (`deliveries`) and moves time (`clock.advance`), which the app and the state store both obey.
 *
 * A plugin is tested the same way before and after it is registered:
 * `createTestPropusk({ plugins: [...registeredPlugins, myPlugin] })` (a plugin id listed twice
 * is loaded once, the later copy).
 *
 * A delivery provider is tested against a local fake of its vendor's API that records each
 * request byte for byte (`providerTestPropusk`, `startFakeHttp`); `createHash` and `createHmac`
 * (Node's own crypto) recompute a vendor's signature independently of the plugin's Web Crypto.
 * A flow that must hold on every state store runs on each (`stateStores`, or
 * `createTestPropusk({ state: 'redis-tcp' })`), and its storage round trips can be budgeted
 * (`countRoundTrips`, `expectWithinBudget`).
 */
export { createClock, type TestClock } from './clock.ts'
export { type Deliveries, type Delivery } from './deliveries.ts'
export {
  adminToken,
  createApp,
  createRole,
  insertUser,
  signInAs,
  type TestAppInput,
  type TestRoleInput,
  type TestUserInput,
} from './fixtures.ts'
export {
  createTestPropusk,
  fromIp,
  json,
  request,
  uniquePlugins,
  type TestPropusk,
  type TestPropuskOptions,
  type TestRequestInit,
} from './propusk.ts'
export { plugins as registeredPlugins } from '../src/plugins.ts'
/** Resolves once the work the app started after answering (e.g. sending a reset link) ended. */
export { backgroundTasksSettled } from '../src/kernel/http/background.ts'

export {
  closedOrigin,
  startFakeHttp,
  type FakeHandler,
  type FakeHttp,
  type FakeResponse,
  type RecordedRequest,
} from './fake-http.ts'
export {
  providerTestPropusk,
  unavailable,
  type ProviderTest,
  type ProviderTestOptions,
} from './provider-test.ts'
/** Node's own hashes and HMACs, to check a plugin's Web Crypto signatures independently. */
export { createHash, createHmac } from 'node:crypto'

export {
  openStateStore,
  stateStores,
  type StateStoreKind,
  type StateStoreOptions,
} from './state-stores.ts'
export { startRedisServer, type RedisServer } from './redis-server.ts'
export {
  countRoundTrips,
  expectWithinBudget,
  type Budget,
  type RoundTrips,
} from './round-trip-budget.ts'
