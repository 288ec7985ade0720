import { lang } from '../i18n/index.ts'

/** The console is the seeded `admin-console` app of every install. */
export const consoleClientId = 'admin-console'

/** The one redirect URI every install accepts for the console without registering it. */
export const consoleRedirectUri = () => `${location.origin}/admin/`

let leaving = false
/**
 * True once the page is on its way to the provider's pages: the signed-out screen must not start
 * a sign-in redirect of its own, which would replace the one under way.
 */
export const isLeaving = () => leaving

export function leaveFor(url: string): void {
  leaving = true
  location.assign(url)
}

/**
 * Ends the SSO session too, after the console's own session has ended, so that the next sign-in
 * asks again. No `id_token_hint`: `/v1/console/logout` has already revoked the console session
 * (the hint would only name it again, and the console never holds the ID token), and
 * `client_id` is enough for the provider to accept the console's own redirect URI.
 */
export function leaveThroughEndSession(): void {
  const query = new URLSearchParams({
    client_id: consoleClientId,
    post_logout_redirect_uri: consoleRedirectUri(),
    ui_locales: lang.value,
  })
  leaveFor(`/end_session?${query}`)
}
