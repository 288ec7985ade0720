import { signal } from '@preact/signals'

interface Toast {
  id: number
  text: string
  kind: 'info' | 'error'
}

const toasts = signal<Toast[]>([])
let next = 1

/** A short message at the corner of the screen (announced to screen readers too). */
export function toast(text: string, kind: Toast['kind'] = 'info'): void {
  const id = next++
  toasts.value = [...toasts.value, { id, text, kind }]
  setTimeout(() => {
    toasts.value = toasts.value.filter((item) => item.id !== id)
  }, 4500)
}

export function Toasts() {
  return (
    <div class="toasts" role="status" aria-live="polite">
      {toasts.value.map((item) => (
        <div key={item.id} class={`toast ${item.kind === 'error' ? 'error' : ''}`}>
          {item.text}
        </div>
      ))}
    </div>
  )
}
