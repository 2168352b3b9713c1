"use client";
import { useEffect, useRef } from "react";
import { takeIsland } from "@/lib/portal/islands";

/**
 * A block of static markup sent once, as HTML (see lib/portal/islands.ts). On the server it
 * renders what the server component stored under `token`. In the browser, hydrating, it keeps
 * the server's HTML untouched: an element with `dangerouslySetInnerHTML` is not hydrated child
 * by child. A client-side navigation renders no HTML: the server component then passes the
 * block as `html`, in the payload (scripts/server.mjs tells it which request is which). Should a
 * navigation ever arrive without it, the page is loaded afresh. The markup is built and escaped
 * on the server (lib/portal/rows-html.ts).
 */
export function StaticIsland({ token, className, html }: { token: string; className?: string; html?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const once = `qingdan-island-reload:${window.location.href}`;
    // Rendered: forget any earlier reload, so a later visit may reload once again if it must.
    if (html !== undefined || !ref.current || ref.current.hasChildNodes()) return sessionStorage.removeItem(once);
    if (sessionStorage.getItem(once)) return;
    sessionStorage.setItem(once, "1");
    window.location.reload();
  }, [html]);
  if (html !== undefined) return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
  if (typeof window === "undefined") return <div className={className} dangerouslySetInnerHTML={{ __html: takeIsland(token) ?? "" }} />;
  return <div ref={ref} className={className} dangerouslySetInnerHTML={{ __html: "" }} suppressHydrationWarning />;
}
