import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import type { RequestMeta } from "@/lib/audit/write";

/**
 * The socket's peer address, set by the app's own server (scripts/server.mjs) on every request.
 * It overwrites any copy the client sent, so it cannot be chosen by the client. (Next's own
 * server only fills X-Forwarded-For when the client sent none, so that header proves nothing.)
 */
export const PEER_HEADER = "x-qingdan-peer";

export type ProxyTrust = { trustProxy: boolean; hops: number };

let warned = false;

/**
 * The client's address. Without a trusted reverse proxy it is the socket's peer; X-Forwarded-For
 * is ignored because the client writes it. Behind `hops` trusted proxies (QINGDAN_TRUST_PROXY),
 * each proxy appends the address it saw, so the client is the `hops`-th entry from the right;
 * entries further left were written by the client and are ignored.
 */
export function addressFrom(
  get: (name: string) => string | null | undefined,
  trust: ProxyTrust = { trustProxy: env.QINGDAN_TRUST_PROXY, hops: env.QINGDAN_TRUST_PROXY_HOPS },
): string | null {
  const peer = get(PEER_HEADER)?.trim() || null;
  if (trust.trustProxy) {
    const parts = (get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
    if (parts.length) return parts[Math.max(0, parts.length - trust.hops)];
  }
  if (!peer && !warned && env.NODE_ENV === "production") {
    warned = true;
    console.warn(`[qingdan] ${PEER_HEADER} is missing: start the app with npm start (scripts/server.mjs), not next start; client addresses are unknown.`);
  }
  return peer;
}

export async function requestMeta(): Promise<RequestMeta> {
  const h = await headers();
  return { address: addressFrom((n) => h.get(n)), userAgent: h.get("user-agent") };
}
