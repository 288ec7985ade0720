import { t } from '../i18n/index.ts'
import { messageOf } from './components.tsx'
import { confirm } from './dialog.tsx'
import { toast } from './toast.tsx'

type Question = Parameters<typeof confirm>[0]

/**
 * The console's usual button action: ask first when `ask` is given (a "no" does nothing), run
 * `work`, toast the text it returns (none when it returns nothing) and call `after` — or, when
 * anything fails, toast why instead.
 */
export async function confirmThen(
  ask: Question | null,
  work: () => Promise<string | void>,
  after?: () => void,
): Promise<void> {
  if (ask && !(await confirm(ask))) return
  try {
    const done = await work()
    if (done) toast(done)
    after?.()
  } catch (failure) {
    toast(messageOf(failure), 'error')
  }
}

/** The question before deleting something: its own title and text, the shared "Delete" button. */
export function askDelete(title: string, text: string): Question {
  return { title, text, action: t('common.delete'), danger: true }
}
