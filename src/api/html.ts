/**
 * The small HTML pages Propusk serves itself (invitation, reset, first administrator): one
 * layout, inline CSS and one inline script, both allowed by a per-response nonce.
 *
 * The app-wide security middleware overwrites the `Content-Security-Policy` header after
 * handlers run, so the page policy is ALSO given in a `<meta http-equiv>` (which browsers
 * enforce in addition to the header's `frame-ancestors 'none'`).
 */
import { base64UrlEncode, randomBytes } from '../kernel/crypto.ts'
import type { Lang } from '../kernel/i18n/lang.ts'

export const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string,
  )

/**
 * The Content-Security-Policy of every server-rendered page: scripts and styles only with this
 * response's nonce. `formTarget` adds an origin a form may post to (a hosted sign-in page's last
 * form answers with a redirect to the client, and browsers apply `form-action` to it too).
 */
export function pagePolicy(nonce: string, formTarget: string | null = null): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "connect-src 'self'",
    "img-src 'self' data:",
    `form-action 'self'${formTarget ? ` ${formTarget}` : ''}`,
    "base-uri 'none'",
  ].join('; ')
}

export const newNonce = () => base64UrlEncode(randomBytes(16))

const css = `
:root{color-scheme:light dark;--fg:#1b1f24;--muted:#5b6470;--bg:#f4f6f9;--card:#fff;--line:#d5dae1;--accent:#1f5eff;--err:#b42318;--ok:#067647}
@media (prefers-color-scheme:dark){:root{--fg:#e7eaee;--muted:#a3acb8;--bg:#101317;--card:#1a1f26;--line:#313946;--accent:#6f97ff;--err:#ff8a80;--ok:#6ce9a6}}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--fg)}
main{max-width:420px;margin:8vh auto;padding:0 16px}
.card{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:28px}
h1{font-size:1.4rem;margin:0 0 8px}p{margin:0 0 16px;color:var(--muted)}
.brand{font-weight:700;letter-spacing:.04em;color:var(--accent);margin-bottom:16px}
label{display:block;font-weight:600;margin:14px 0 6px}
input{width:100%;padding:10px 12px;font:inherit;border:1px solid var(--line);border-radius:8px;background:transparent;color:inherit}
input:focus{outline:3px solid color-mix(in srgb,var(--accent) 35%,transparent);border-color:var(--accent)}
.hint{font-size:.875rem;color:var(--muted);margin-top:6px}
button{margin-top:22px;width:100%;padding:11px;font:inherit;font-weight:600;border:0;border-radius:8px;background:var(--accent);color:#fff;cursor:pointer}
button[disabled]{opacity:.6;cursor:progress}
.status{margin-top:16px;font-weight:600}.status.error{color:var(--err)}.status.ok{color:var(--ok)}
.lang{margin-top:16px;font-size:.875rem;text-align:center}.lang a{color:var(--muted)}
`

/**
 * Submits `form[data-endpoint]` as JSON (without `confirm`, empty fields dropped) and shows the
 * outcome; optional `verify` checks a link on load and hides the form if it is not valid.
 */
const script = `
(function () {
  var config = JSON.parse(document.getElementById('page-config').textContent);
  var form = document.querySelector('form[data-endpoint]');
  var status = document.getElementById('status');
  function show(text, kind) { status.textContent = text; status.className = 'status ' + kind; }
  function post(url, body) {
    return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) { return r.json().catch(function () { return {}; }).then(function (b) { return { ok: r.ok, body: b }; }); });
  }
  if (!form) return;
  if (config.verify) {
    post(config.verify.endpoint, config.verify.body).then(function (r) {
      if (!r.ok) { form.hidden = true; show(config.messages.invalid, 'error'); }
    });
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var data = {};
    new FormData(form).forEach(function (value, key) { if (key !== 'confirm' && value !== '') data[key] = value; });
    var confirm = form.elements.namedItem('confirm');
    if (confirm && confirm.value !== data.password) { show(config.messages.mismatch, 'error'); confirm.focus(); return; }
    var button = form.querySelector('button');
    button.disabled = true;
    show(config.messages.working, '');
    post(form.dataset.endpoint, data).then(function (r) {
      button.disabled = false;
      if (r.ok) { form.hidden = true; show(config.messages.success, 'ok'); if (config.next) { var a = document.createElement('a'); a.href = config.next.href; a.textContent = config.next.text; a.className = 'next'; status.appendChild(document.createElement('br')); status.appendChild(a); } return; }
      var error = (r.body && r.body.error) || {};
      show(config.messages[error.code] || error.message || config.messages.failed, 'error');
    }, function () { button.disabled = false; show(config.messages.failed, 'error'); });
  });
})();
`

export interface PageInput {
  lang: Lang
  title: string
  /** Trusted HTML (built with escapeHtml by the caller). */
  body: string
  /** Handed to the script as JSON; omitted pages get no script. */
  config?: Record<string, unknown>
  /** The current path and query without `lang`, for the language switch. */
  selfPath: string
}

export function renderPage(input: PageInput, nonce: string): string {
  const other: Lang = input.lang === 'ru' ? 'en' : 'ru'
  const separator = input.selfPath.includes('?') ? '&' : '?'
  const switchLink = `${input.selfPath}${separator}lang=${other}`
  // `<` is escaped so no value can close the JSON script element.
  const config = input.config ? JSON.stringify(input.config).replace(/</g, '\\u003c') : null
  return `<!doctype html>
<html lang="${input.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${pagePolicy(nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>${escapeHtml(input.title)} · Propusk</title>
<style nonce="${nonce}">${css}</style>
</head>
<body>
<main>
<div class="card">
<div class="brand">PROPUSK</div>
${input.body}
<div id="status" class="status" role="status" aria-live="polite"></div>
</div>
<div class="lang"><a href="${escapeHtml(switchLink)}">${other === 'ru' ? 'Русский' : 'English'}</a></div>
</main>
${config ? `<script type="application/json" id="page-config">${config}</script>\n<script nonce="${nonce}">${script}</script>` : ''}
</body>
</html>`
}
