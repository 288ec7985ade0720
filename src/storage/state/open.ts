/**
 * Which state store to open, from settings already validated by the core. Web-standard only:
 * this is the factory Workers use; servers use `openServerStateStore` (./open-server.ts), which
 * adds Redis over TCP and delegates everything else here, so the two never drift apart.
 */
import { createMemoryStateStore } from './memory.ts'
import type { StateStore, StateStoreChoice } from '../../kernel/ports/state.ts'

export type { StateStoreChoice }
import { createUpstashStateStore } from './upstash.ts'

export function openWebStateStore(choice: StateStoreChoice): StateStore {
  switch (choice.kind) {
    case 'upstash':
      if (!choice.upstash) throw new Error('state store "upstash" needs its REST URL and token')
      return createUpstashStateStore({
        ...choice.upstash,
        prefix: choice.prefix,
        ...(choice.timeoutMs ? { timeoutMs: choice.timeoutMs } : {}),
      })
    case 'redis':
      throw new Error(
        'Redis over TCP cannot be opened here (Workers have no TCP client): use Upstash REST',
      )
    default:
      // Per process (or per isolate on Workers): development only, config refuses it in production.
      return createMemoryStateStore({ prefix: choice.prefix })
  }
}
