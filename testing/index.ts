/**
 * `propusk/testing`: the test kit for plugin authors and Propusk's own tests. A test starts a
 * whole Propusk (`createTestPropusk`), arranges rows (`insertUser`, `createApp`, `createRole`),
 * signs people in (`signInAs`), drives HTTP (`request`), reads what was sent (`deliveries`) and
 * moves time (`clock.advance`), which the app and the state store both obey.
 *
 * A plugin is tested the same way before and after it is registered:
 * `createTestPropusk({ plugins: [...plugins, myPlugin] })` (a plugin id listed twice is loaded
 * once, the later copy).
 */
export { createClock, type TestClock } from './clock.ts'
export { type Deliveries, type Delivery } from './deliveries.ts'
export {
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
