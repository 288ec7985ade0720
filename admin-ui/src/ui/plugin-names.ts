import { signal } from '@preact/signals'
import { admin } from '../api/endpoints.ts'
import type { PluginInfo } from '../api/types.ts'
import { localName } from '../i18n/index.ts'

/** The installed plugins, asked for once: their names label provider ids in logs and charts. */
const installed = signal<PluginInfo[] | null>(null)
let asked = false

function plugins(): PluginInfo[] {
  if (!asked) {
    asked = true
    admin.plugins().then(
      ({ plugins }) => (installed.value = plugins),
      () => (asked = false),
    )
  }
  return installed.value ?? []
}

/** A delivery provider's name in the console's language (`console-delivery` → its name). */
export function providerName(id: string): string {
  const plugin = plugins().find((p) => p.id === id)
  return plugin ? localName(plugin) : id
}

/** The installed delivery providers as [id, name] pairs, for a filter's choices. */
export function providerChoices(): Array<[string, string]> {
  return plugins()
    .filter((p) => p.kind === 'delivery-provider')
    .map((p) => [p.id, localName(p)])
}
