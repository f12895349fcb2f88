import { createHash } from "node:crypto";

/**
 * The visitor-facing pages of the redirect path: 404, 410 and the password
 * form. They are plain HTML strings with inline styles rather than Next pages,
 * so the self-hosted fast path and proxy.ts on Vercel answer with the same bytes
 * and without a render or a second request (a redirect to a Next page would
 * cost a round trip and would make "404" a 302 for crawlers).
 */
const PAGE_STYLE = `
  *{box-sizing:border-box}body{margin:0;min-height:100vh;display:grid;place-items:center;
  font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f6f7f9;color:#1b1f24}
  main{max-width:28rem;margin:1.5rem;padding:2rem;background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.08),0 8px 24px rgba(0,0,0,.06)}
  h1{font-size:1.35rem;margin:0 0 .5rem}p{margin:.5rem 0;line-height:1.5;color:#4a525c}
  a{color:#2456d6}form{display:grid;gap:.75rem;margin-top:1rem}
  input{font:inherit;padding:.6rem .75rem;border:1px solid #c9ced6;border-radius:8px}
  button{font:inherit;font-weight:600;padding:.6rem .75rem;border:0;border-radius:8px;background:#2456d6;color:#fff;cursor:pointer}
  .error{color:#b42318}.code{font-family:ui-monospace,monospace;background:#eef0f3;padding:.1rem .35rem;border-radius:4px}`;

/**
 * Their own policy, wherever they are answered (the listener and proxy.ts let
 * an answer's headers win): the inline stylesheet above by its hash and
 * nothing else, except that the password form may lead anywhere: it posts
 * back to us, and browsers apply form-action to the redirect that follows,
 * to the link's destination on any site ('self' alone blocked every unlock).
 */
export const PAGE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": "no-store",
  "Content-Security-Policy": `default-src 'none'; style-src 'sha256-${createHash("sha256").update(PAGE_STYLE).digest("base64")}'; form-action 'self' http: https:; base-uri 'none'; frame-ancestors 'none'`,
});

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)} · Casebook</title><style>${PAGE_STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

export function notFoundPage(code: string): string {
  return page(
    "Link not found",
    `<h1>This short link does not exist</h1>
<p>There is no link at <span class="code">/${escapeHtml(code)}</span>. Check for typos: short links are case-sensitive.</p>
<p><a href="/">Go to Casebook</a></p>`
  );
}

export function gonePage(code: string, reason: "expired" | "disabled"): string {
  const why = reason === "expired" ? "has expired" : "has been disabled by its owner";
  return page(
    "Link unavailable",
    `<h1>This link is no longer available</h1>
<p>The short link <span class="code">/${escapeHtml(code)}</span> ${why}.</p>
<p><a href="/">Go to Casebook</a></p>`
  );
}

export function passwordPage(code: string, options: { wrongPassword?: boolean; tooManyAttempts?: boolean }): string {
  return page(
    "Password required",
    `<h1>This link is password-protected</h1>
<p>Enter the password to continue to the destination of <span class="code">/${escapeHtml(code)}</span>.</p>
<form method="post">
${options.wrongPassword ? `<p class="error" role="alert">That password is not right. Please try again.</p>` : ""}
${options.tooManyAttempts ? `<p class="error" role="alert">Too many attempts. Please wait a few minutes and try again.</p>` : ""}
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required autofocus>
<button type="submit">Continue</button>
</form>`
  );
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
