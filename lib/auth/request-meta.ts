import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import type { RequestMeta } from "@/lib/audit/write";

/**
 * The client's address. Next's server appends the peer address to X-Forwarded-For, so the last
 * entry is the nearest hop; behind a trusted reverse proxy (QINGDAN_TRUST_PROXY) the first one
 * is the real client.
 */
export function addressFrom(get: (name: string) => string | null | undefined): string | null {
  const forwarded = get("x-forwarded-for");
  if (forwarded) {
    const parts = forwarded.split(",").map((s) => s.trim()).filter(Boolean);
    if (parts.length) return env.QINGDAN_TRUST_PROXY ? parts[0] : parts[parts.length - 1];
  }
  return get("x-real-ip") ?? null;
}

export async function requestMeta(): Promise<RequestMeta> {
  const h = await headers();
  return { address: addressFrom((n) => h.get(n)), userAgent: h.get("user-agent") };
}
