import type { ComponentChildren, JSX } from 'preact'
import type { Page } from '../api/types.ts'
import { useEffect } from 'preact/hooks'
import { ErrorBox, Pager, SkeletonRows, usePager } from './components.tsx'
import { useLoad, type Loaded } from './use-load.ts'

/**
 * A cursor-paged list that goes back to page 1 whenever `deps` (its filters) change, so a new
 * filter never opens on a page the new result does not have.
 */
export function usePagedList<P extends Page<unknown>>(
  load: (cursor: string | undefined) => Promise<P>,
  deps: unknown[],
) {
  const pager = usePager()
  useEffect(() => pager.reset(), deps)
  const list = useLoad(() => load(pager.cursor), [...deps, pager.cursor])
  return { list, pager }
}

/** Previous/next buttons for a list from `usePagedList`. */
export function ListPager<P extends Page<unknown>>(props: {
  list: Loaded<P>
  pager: ReturnType<typeof usePager>
}) {
  const { list, pager } = props
  return (
    <Pager
      page={pager.page}
      hasNext={Boolean(list.data?.nextCursor)}
      onNext={() => list.data?.nextCursor && pager.next(list.data.nextCursor)}
      onPrevious={pager.previous}
    />
  )
}

/** A list's body: its failure (with retry), its empty state once loaded, else the table. */
export function ListBody(props: {
  list: Loaded<{ items: readonly unknown[] }>
  empty: ComponentChildren
  children: ComponentChildren
}) {
  const { list } = props
  if (list.error) {
    return (
      <div class="body">
        <ErrorBox error={list.error} onRetry={list.reload} />
      </div>
    )
  }
  return <>{list.data?.items.length === 0 ? props.empty : props.children}</>
}

export interface Column {
  label: string
  /** e.g. 'hide-sm' to drop the column on narrow screens. */
  class?: string
  /** Shown instead of the label (which then names it for keys), e.g. a select-all checkbox. */
  head?: ComponentChildren
}

/** A table with skeleton rows until `items` arrive, so the layout does not jump. */
export function DataTable<T>(props: {
  columns: Column[]
  items: T[] | undefined
  busy?: boolean
  skeletonRows?: number
  row: (item: T) => JSX.Element
}) {
  return (
    <div class="table-wrap" tabIndex={0}>
      <table aria-busy={props.busy}>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c.label} class={c.class}>
                {c.head ?? c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {!props.items ? (
            <SkeletonRows columns={props.columns.length} rows={props.skeletonRows} />
          ) : (
            props.items.map(props.row)
          )}
        </tbody>
      </table>
    </div>
  )
}
