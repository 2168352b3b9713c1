"use client";
import { useEffect, useRef, type ReactNode } from "react";
import { takeIsland } from "@/lib/portal/islands";

/**
 * A block of static markup sent once, as HTML (see lib/portal/islands.ts). On the server it
 * renders what the server component stored under `token`. In the browser, hydrating, it keeps
 * the server's HTML untouched: an element with `dangerouslySetInnerHTML` is not hydrated child
 * by child. A client-side navigation renders no HTML: the server component then passes the
 * block as `children`, in the payload, and it is rendered as usual (scripts/server.mjs tells
 * it which request is which). Should a navigation ever arrive without it, the page is loaded afresh.
 */
export function StaticIsland({ token, className, children }: { token: string; className?: string; children?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const once = `qingdan-island-reload:${window.location.href}`;
    // Rendered: forget any earlier reload, so a later visit may reload once again if it must.
    if (children || !ref.current || ref.current.hasChildNodes()) return sessionStorage.removeItem(once);
    if (sessionStorage.getItem(once)) return;
    sessionStorage.setItem(once, "1");
    window.location.reload();
  }, [children]);
  if (children) return <div className={className}>{children}</div>;
  if (typeof window === "undefined") return <div className={className}>{takeIsland(token)}</div>;
  return <div ref={ref} className={className} dangerouslySetInnerHTML={{ __html: "" }} suppressHydrationWarning />;
}
