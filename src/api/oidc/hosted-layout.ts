/**
 * The hosted sign-in pages' layout: plain server-rendered HTML that works without JavaScript,
 * inline CSS and one tiny optional script, both allowed by a per-response nonce, with the same
 * security headers as the account pages. `form-action` also names the client's origin: the
 * last form's answer redirects there, and browsers apply form-action to that redirect too.
 */
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { escapeHtml, newNonce, pagePolicy } from '../html.ts'
import type { Lang } from '../../kernel/i18n/lang.ts'
import type { AppEnv } from '../../kernel/services.ts'

export { escapeHtml }

// The dark palette's accent is light, so text on it is dark (AA contrast: 6.9:1, white is 2.9:1).
const css = `:root{color-scheme:light dark;--fg:#1b1f24;--mu:#5b6470;--bg:#f4f6f9;--card:#fff;--line:#d5dae1;--ac:#1f5eff;--on-ac:#fff;--err:#b42318}
@media (prefers-color-scheme:dark){:root{--fg:#e7eaee;--mu:#a3acb8;--bg:#101317;--card:#1a1f26;--line:#313946;--ac:#6f97ff;--on-ac:#0b1220;--err:#ff8a80}}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--fg)}
main{max-width:420px;margin:6vh auto;padding:0 16px}.card{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:24px}
h1{font-size:1.35rem;margin:0 0 8px}p{margin:0 0 14px;color:var(--mu)}.brand{font-weight:700;letter-spacing:.04em;color:var(--ac);margin-bottom:14px}
label{display:block;font-weight:600;margin:14px 0 6px}input{width:100%;padding:12px;font:inherit;border:1px solid var(--line);border-radius:8px;background:transparent;color:inherit}
input:focus{outline:3px solid color-mix(in srgb,var(--ac) 35%,transparent);border-color:var(--ac)}
button{margin-top:16px;width:100%;padding:12px;font:inherit;font-weight:600;border:0;border-radius:8px;background:var(--ac);color:var(--on-ac);cursor:pointer}
button.alt{background:transparent;color:var(--ac);border:1px solid var(--line)}button[disabled]{opacity:.6}
.err{color:var(--err);font-weight:600}.links{margin-top:16px;font-size:.9rem;display:flex;justify-content:space-between;gap:8px}.links a,.links button{color:var(--mu);width:auto;margin:0;padding:0;background:none;border:0;font-weight:400;text-decoration:underline}
.code{font-size:1.6rem;letter-spacing:.4em;text-align:center}`

/** WebOTP fills the code from an SMS ending in `@host #code`; the resend button counts down. */
const script = `(function(){var i=document.querySelector('input[autocomplete="one-time-code"]');
if(i&&'OTPCredential' in window){var a=new AbortController();i.form.addEventListener('submit',function(){a.abort()});
navigator.credentials.get({otp:{transport:['sms']},signal:a.signal}).then(function(o){if(o&&o.code){i.value=o.code;i.form.requestSubmit()}}).catch(function(){})}
var b=document.querySelector('button[data-wait]');if(b){var n=+b.dataset.wait,t=b.textContent;function k(){if(n>0){b.disabled=true;b.textContent=t+' ('+n+')';n--;setTimeout(k,1000)}else{b.disabled=false;b.textContent=t}}k()}})();`

export interface HostedPage {
  lang: Lang
  title: string
  /** Trusted HTML, built with escapeHtml. */
  body: string
  /** The client's origin, for form-action (see above). */
  formTarget?: string | null
  /** Whether the page needs the script (code entry). */
  script?: boolean
}

export function renderHosted(
  c: Context<AppEnv>,
  page: HostedPage,
  status: ContentfulStatusCode = 200,
) {
  const nonce = newNonce()
  const csp = pagePolicy(nonce, page.formTarget ?? null)
  c.header('Content-Security-Policy', `${csp}; frame-ancestors 'none'`)
  c.header('Content-Language', page.lang)
  c.header('Cache-Control', 'no-store')
  const html = `<!doctype html>
<html lang="${page.lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><meta name="robots" content="noindex">
<title>${escapeHtml(page.title)} · Propusk</title><style nonce="${nonce}">${css}</style></head>
<body><main><div class="card"><div class="brand">PROPUSK</div>
${page.body}
</div></main>${page.script ? `<script nonce="${nonce}">${script}</script>` : ''}</body></html>`
  return c.html(html, status)
}

/** A page with a heading and one message, e.g. an unusable authorization request. */
export function renderMessagePage(
  c: Context<AppEnv>,
  page: { lang: Lang; title: string; text: string },
  status: ContentfulStatusCode = 200,
) {
  const body = `<h1>${escapeHtml(page.title)}</h1><p>${escapeHtml(page.text)}</p>`
  return renderHosted(c, { lang: page.lang, title: page.title, body }, status)
}
