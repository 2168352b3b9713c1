import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { contentSecurityPolicy, newNonce, servedOverHttps, STRICT_TRANSPORT_SECURITY } from "@/lib/security/headers";
import { exceedsRequestCap, REQUEST_TOO_LARGE_MESSAGE } from "@/lib/uploads";

// Not an access gate (pages and actions check for themselves). It
// - refuses a request body above the framework's cap, in Chinese, before the body is read;
// - gives every page a fresh CSP nonce (Next.js reads it from the request's CSP header and puts
//   it on its own scripts), and HSTS behind https;
// - tells server pages where the visitor was, so sign-in can send them back there.
export function proxy(request: NextRequest) {
  if (request.method !== "GET" && request.method !== "HEAD" && exceedsRequestCap(request.headers.get("content-length"))) {
    return tooLarge(request);
  }
  const https = servedOverHttps({
    publicUrl: env.NEXTAUTH_URL,
    trustProxy: env.QINGDAN_TRUST_PROXY,
    forwardedProto: request.headers.get("x-forwarded-proto"),
    protocol: request.nextUrl.protocol,
  });
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: env.NODE_ENV === "development", https });
  const headers = new Headers(request.headers);
  headers.set("x-qingdan-path", request.nextUrl.pathname + request.nextUrl.search);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

/**
 * A server action called from a page (Next-Action header) shows a `text/plain` error body as the
 * error's message, which useAction turns back into this Chinese text; a form posted before the
 * page was interactive gets a small page saying the same.
 */
function tooLarge(request: NextRequest) {
  if (request.headers.has("next-action")) {
    return new NextResponse(REQUEST_TOO_LARGE_MESSAGE, { status: 413, headers: { "Content-Type": "text/plain" } });
  }
  const html = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>上传的内容过大</title><p>${REQUEST_TOO_LARGE_MESSAGE}</p><p>请返回上一页重新选择文件。</p></html>`;
  return new NextResponse(html, { status: 413, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

export const config = {
  matcher: ["/((?!_next/|api/|favicon.ico|.*\\.(?:png|svg|ico|css|js)$).*)"],
};
