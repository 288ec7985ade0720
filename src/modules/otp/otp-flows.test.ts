/**
 * The one-time-code flows through both Redis-backed state-store adapters (the real redis-server
 * and the Upstash REST bridge started by test/global-setup.ts).
 */
import { inject } from 'vitest'
import { createRedisStateStore } from '../../storage/state/redis-tcp.ts'
import { createUpstashStateStore } from '../../storage/state/upstash.ts'
import { describeOtpFlows } from '../../../testing/contracts/otp-flows.ts'

const prefix = () => `test:otp:${crypto.randomUUID()}:`

describeOtpFlows('Upstash REST', () =>
  createUpstashStateStore({
    url: inject('upstashUrl'),
    token: inject('upstashToken'),
    prefix: prefix(),
  }),
)

describeOtpFlows('Redis TCP', () =>
  createRedisStateStore({ url: inject('redisUrl'), prefix: prefix() }),
)
