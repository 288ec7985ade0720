/**
 * Stands in for `@react-email/render` in the Worker bundle (wrangler.toml `[alias]`). The
 * `resend` SDK imports that optional peer dependency lazily, only to turn a `react` body into
 * HTML; Propusk sends `html`/`text` and never a `react` body, so this is never called. Without
 * it the bundle keeps a dynamic import of a module it does not contain, which workerd refuses
 * to load.
 */
export function render(): never {
  throw new Error('React e-mail bodies are not supported: send html or text.')
}
