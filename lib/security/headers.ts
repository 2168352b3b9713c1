// Response headers that protect every page: a nonce-based Content-Security-Policy (see the
// Next.js guide "Content Security Policy"), HSTS behind https. Pure functions; proxy.ts applies them.

/** A fresh, unguessable nonce per request (128 bits, base64). */
export function newNonce() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Scripts run only with this request's nonce ('strict-dynamic' lets Next's own scripts load the
 * page's chunks). Inline event handlers, injected <script> tags and eval are refused.
 *
 * Styles: <style> elements need the nonce too (Next.js puts it on its own); style *attributes*
 * are allowed (`style-src-attr 'unsafe-inline'`), because React renders `style={{ width: … }}`
 * (progress bars, chart bars, indentation) as attributes, which a nonce cannot cover. A style
 * attribute cannot run script; the remaining risk (CSS-based page defacement through injected
 * markup) is already closed by React escaping all text.
 *
 * In development React needs eval for its debugging aids and the dev server injects <style>
 * tags without a nonce, so both are relaxed there only.
 */
export function contentSecurityPolicy(nonce: string, { dev = false, https = false } = {}) {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  // Only behind https: on a plain-http intranet address it would send the browser to an https
  // port nobody listens on.
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** One year, as browsers' preload lists expect; sent only on responses that went out over https. */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

/**
 * Whether the visitor reached us over https: the configured public URL says so (NEXTAUTH_URL is
 * what next-auth also uses to decide on Secure cookies), or a trusted reverse proxy says so in
 * X-Forwarded-Proto (its first entry is the client-facing hop). Without QINGDAN_TRUST_PROXY the
 * header is the client's word and is ignored.
 */
export function servedOverHttps(input: { publicUrl?: string; trustProxy: boolean; forwardedProto: string | null; protocol: string }) {
  if (input.protocol === "https:") return true;
  if (input.publicUrl?.toLowerCase().startsWith("https://")) return true;
  return input.trustProxy && input.forwardedProto?.split(",")[0].trim().toLowerCase() === "https";
}
