import { useEffect } from 'preact/hooks'

/**
 * After a failed save, moves focus (and so the view) to the first field marked invalid: on a
 * long form the message would otherwise sit off-screen.
 */
export function useFocusInvalid(error: unknown): void {
  useEffect(() => {
    if (!error) return
    document.querySelector<HTMLElement>('#main [aria-invalid="true"]')?.focus()
  }, [error])
}
