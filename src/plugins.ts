/** The plugins this build of Propusk loads, in order. Add your own here. */
import type { Plugin } from './core/index.ts'
import { apiOnly } from '../plugins/api-only/index.ts'
import { consoleDelivery } from '../plugins/console-delivery/index.ts'
import { setupLink } from '../plugins/setup-link/index.ts'

export const plugins: Plugin[] = [consoleDelivery, setupLink, apiOnly]
