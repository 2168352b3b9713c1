import crypto from "node:crypto";
import http from "node:http";
import zlib from "node:zlib";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error plain JS module run by node directly (scripts/server.mjs)
import * as pc from "./page-cache.mjs";

type Cache = { handle: (req: http.IncomingMessage, res: http.ServerResponse, next: (res?: http.ServerResponse) => void) => void; setGeneration: (g: string | null) => void; dropCurrent: () => void; size: number };

const servers: http.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** A server whose "Next" writes the page in two chunks, like a streamed render, and counts renders. */
async function serve(cache: Cache, page: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
  const renders: string[] = [];
  const server = http.createServer((req, res) =>
    cache.handle(req, res, (out = res) => {
      renders.push(req.url!);
      page(req, out);
    }),
  );
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { renders, get: (path: string, headers: Record<string, string> = {}) => fetch(base + path, { headers }) };
}

const HTML = `<html><head><style>b{color:red}</style></head><body><h1>清单</h1><script nonce="abc">self.__next_f.push([1,"x"])</script><script src="/_next/static/chunks/a.js" nonce="abc" async></script>${"<p>事项</p>".repeat(200)}</body></html>`;
const CSP = "default-src 'self'; script-src 'self' 'nonce-abc' 'strict-dynamic'; style-src 'self' 'nonce-abc'; style-src-attr 'unsafe-inline'; frame-ancestors 'none'";

function nextPage(req: http.IncomingMessage, res: http.ServerResponse) {
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("Cache-Control", "private, no-cache, no-store, max-age=0, must-revalidate");
  res.setHeader("Content-Security-Policy", CSP);
  res.setHeader("Vary", "RSC, Next-Router-State-Tree, Next-Router-Prefetch");
  res.writeHead(200);
  res.write(HTML.slice(0, 100));
  res.end(HTML.slice(100));
}

describe("which URLs are cached", () => {
  it("caches the published pages, search and the open-data API, not the workspace or surveys", () => {
    for (const url of ["/", "/lists", "/search?q=消防", "/api/public/search?q=x", "/lists/12", "/lists/12?page=2", "/lists/12/history", "/lists/12/download?format=xlsx", "/lists/12/items/ab-1", "/local-duties/3", "/api/public/lists", "/api/public/lists/12?format=csv"]) {
      expect(pc.classify(url), url).not.toBeNull();
    }
    for (const url of ["/survey/abc", "/verify", "/lists/manage/1", "/workspace", "/lists/0", "/lists/12/../manage", "/admin/audit"]) {
      expect(pc.classify(url), url).toBeNull();
    }
  });

  it("knows a versioned URL never changes", () => {
    expect(pc.classify("/lists/12/v/3").immutable).toBe(true);
    expect(pc.classify("/api/public/lists/12?version=3").immutable).toBe(true);
    expect(pc.classify("/lists/12/items/k?v=2").immutable).toBe(true);
    expect(pc.classify("/lists/12/diff?from=1&to=2").immutable).toBe(true);
    expect(pc.classify("/lists/12").immutable).toBe(false);
    expect(pc.classify("/lists/12/diff?from=1").immutable).toBe(false);
    expect(pc.classify("/api/public/lists/12?version=x").immutable).toBe(false);
  });
});

describe("serving from memory", () => {
  it("renders a current page once, then answers from memory with a strong ETag and 304", async () => {
    const cache: Cache = pc.createPageCache();
    cache.setGeneration("1");
    const s = await serve(cache, nextPage);
    const a = await s.get("/lists/5");
    expect(a.status).toBe(200);
    expect(await a.text()).toBe(HTML);
    const etag = a.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}(-gz)?"$/);
    expect(a.headers.get("cache-control")).toBe(pc.CURRENT_CACHE_CONTROL);
    expect(a.headers.get("cache-control")).toContain("s-maxage=");
    expect(a.headers.get("cache-control")).toContain("stale-while-revalidate=");
    const b = await s.get("/lists/5");
    expect(await b.text()).toBe(HTML);
    expect(b.headers.get("etag")).toBe(etag);
    expect(s.renders).toEqual(["/lists/5"]);
    const c = await s.get("/lists/5", { "If-None-Match": etag });
    expect(c.status).toBe(304);
    expect(await c.text()).toBe("");
    expect(c.headers.get("etag")).toBe(etag);
    expect((await s.get("/lists/5", { "If-None-Match": '"other"' })).status).toBe(200);
    expect(s.renders).toHaveLength(1);
  });

  it("renders current pages again once the publication generation changes, and keeps versioned ones", async () => {
    const cache: Cache = pc.createPageCache();
    cache.setGeneration("1");
    const s = await serve(cache, nextPage);
    await s.get("/lists/5");
    await s.get("/lists/5/v/1");
    cache.setGeneration("2");
    await s.get("/lists/5");
    const v = await s.get("/lists/5/v/1");
    expect(v.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(s.renders).toEqual(["/lists/5", "/lists/5/v/1", "/lists/5"]);
    cache.dropCurrent(); // what this server's write path does after a commit
    await s.get("/lists/5");
    expect(s.renders).toHaveLength(4);
  });

  it("does not keep a current page while the generation is unknown (database unreachable)", async () => {
    const cache: Cache = pc.createPageCache();
    const s = await serve(cache, nextPage);
    await s.get("/lists/5");
    await s.get("/lists/5");
    expect(s.renders).toHaveLength(2);
  });

  it("never stores errors, cookies, the workspace or React's navigation payload", async () => {
    const cache: Cache = pc.createPageCache();
    cache.setGeneration("1");
    const s = await serve(cache, (req, res) => {
      if (req.url === "/lists/404") res.statusCode = 404;
      if (req.url === "/lists/7") res.setHeader("Set-Cookie", "a=b");
      res.end("x".repeat(2000));
    });
    for (const url of ["/lists/404", "/lists/7", "/workspace"]) {
      await s.get(url);
      await s.get(url);
    }
    await s.get("/lists/8", { RSC: "1" });
    await s.get("/lists/8", { RSC: "1" });
    await s.get("/lists/8?_rsc=abc");
    await s.get("/lists/8?_rsc=abc");
    expect(s.renders).toHaveLength(10);
    expect(cache.size).toBe(0);
    expect((await s.get("/lists/404")).headers.get("cache-control")).toBeNull();
  });

  it("sends a gzip copy to clients that take it, with its own validator", async () => {
    const cache: Cache = pc.createPageCache();
    cache.setGeneration("1");
    const s = await serve(cache, nextPage);
    const plain = await s.get("/lists/5", { "Accept-Encoding": "identity" });
    expect(plain.headers.get("content-encoding")).toBeNull();
    const raw = await new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve) => {
      const u = new URL(plain.url);
      http.get({ host: u.hostname, port: u.port, path: "/lists/5", headers: { "Accept-Encoding": "gzip, br" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      });
    });
    expect(raw.headers["content-encoding"]).toBe("gzip");
    expect(raw.headers["vary"]).toContain("Accept-Encoding");
    expect(raw.headers["vary"]).toContain("RSC");
    expect(raw.body.length).toBeLessThan(HTML.length / 4);
    expect(zlib.gunzipSync(raw.body).toString()).toBe(HTML);
    expect(raw.headers.etag).not.toBe(plain.headers.get("etag"));
    expect(pc.acceptsGzip("gzip;q=0")).toBe(false);
    expect(pc.acceptsGzip("deflate, gzip;q=0.5")).toBe(true);
  });

  it("gives a shared page a policy of hashes instead of one visitor's nonce", async () => {
    const cache: Cache = pc.createPageCache();
    cache.setGeneration("1");
    const s = await serve(cache, nextPage);
    const csp = (await s.get("/lists/5")).headers.get("content-security-policy")!;
    expect(csp).not.toContain("nonce-");
    expect(csp).not.toContain("strict-dynamic");
    expect(csp).toContain("frame-ancestors 'none'");
    const hash = (t: string) => `'sha256-${crypto.createHash("sha256").update(t).digest("base64")}'`;
    expect(csp).toContain(`script-src 'self' ${hash('self.__next_f.push([1,"x"])')}`);
    expect(csp).toContain(`style-src 'self' ${hash("b{color:red}")}`);
  });

  it("evicts the least recently used pages beyond its byte budget", async () => {
    const cache: Cache = pc.createPageCache({ maxBytes: 40_000 });
    cache.setGeneration("1");
    const s = await serve(cache, (_req, res) => res.end(Buffer.alloc(4000, 1)));
    for (let i = 1; i <= 20; i++) await s.get(`/lists/${i}`);
    expect(cache.size).toBeLessThanOrEqual(10);
    await s.get("/lists/20");
    expect(s.renders).toHaveLength(20);
    await s.get("/lists/1");
    expect(s.renders).toHaveLength(21);
  });
});
