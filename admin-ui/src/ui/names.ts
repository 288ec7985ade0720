import { signal } from '@preact/signals'
import { can } from '../api/client.ts'
import { admin } from '../api/endpoints.ts'

/** Display names of users seen in lists (audit actors and targets), fetched once each. */
const names = signal<Record<string, string>>({})
const asked = new Set<string>()

export function userName(id: string): string | undefined {
  const known = names.value[id]
  if (known === undefined && !asked.has(id) && can('users:read')) {
    asked.add(id)
    const remember = (name: string) => (names.value = { ...names.value, [id]: name })
    admin.users.get(id).then(
      (user) => remember(user.displayName),
      () => remember(id),
    )
  }
  return known
}
