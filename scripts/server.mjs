// Serves the production build (like `next start`), adding one thing Next's own server cannot:
// the socket's peer address in `x-qingdan-peer`, overwriting any copy the client sent. Next fills
// X-Forwarded-For from the socket only when the client sent none, so the app could not otherwise
// tell a client's real address from one it made up (lib/auth/request-meta.ts reads this header).
// It also serves the public portal's published pages from memory (scripts/page-cache.mjs).
// Usage: node scripts/server.mjs [-p PORT] [-H HOSTNAME]; PORT and HOSTNAME work as for next start.
// QINGDAN_PAGE_CACHE_MB (64; 0 turns the cache off).
import http from "node:http";
import path from "node:path";
import next from "next";
import pg from "pg";
import { createPageCache, GENERATION_SQL, PUBLIC_CHANGED } from "./page-cache.mjs";
import { replicaUrls } from "../lib/db/replica-urls.mjs";

const argv = process.argv.slice(2);
const arg = (short, long) => {
  const i = argv.findIndex((a) => a === short || a === long);
  return i >= 0 ? argv[i + 1] : undefined;
};
const port = Number(arg("-p", "--port") ?? process.env.PORT ?? 3000);
const hostname = arg("-H", "--hostname") ?? process.env.HOSTNAME;
const dir = path.resolve(import.meta.dirname, "..");

const server = http.createServer();
const app = next({ dev: false, dir, port, hostname: hostname ?? "localhost", httpServer: server });
const handle = app.getRequestHandler();

const cacheMb = Number(process.env.QINGDAN_PAGE_CACHE_MB ?? 64);
const cache = cacheMb > 0 ? createPageCache({ maxBytes: cacheMb * 1024 * 1024 }) : null;
const watcher = cache ? watchGeneration(cache) : null;

await app.prepare();
server.on("request", (req, res) => {
  req.headers["x-qingdan-peer"] = req.socket.remoteAddress ?? "";
  // Whether the request renders the React payload only (a client-side navigation or prefetch),
  // with no HTML. Next.js hides its own RSC header from pages and the proxy; the list page's
  // tables need to know (components/portal/static-island.tsx).
  req.headers["x-qingdan-payload-only"] = req.headers.rsc === "1" ? "1" : "0";
  const render = (out = res) =>
    handle(req, out).catch((error) => {
      console.error(error);
      if (!out.headersSent) out.statusCode = 500;
      out.end();
    });
  if (cache) cache.handle(req, res, render);
  else render();
});
server.listen(port, hostname, () => {
  console.log(`▲ Ready on http://${hostname ?? "localhost"}:${port}`);
});

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    watcher?.stop();
    // Take no new connections, close the idle keep-alive ones, let the requests in flight finish
    // (a proxy in front sends new ones to another server), but wait at most 5 s.
    server.close(() => process.exit(0));
    server.closeIdleConnections?.();
    setTimeout(() => {
      server.closeAllConnections?.();
      process.exit(0);
    }, 5000).unref();
  });
}

/**
 * Reads the publication generation every second from the databases the public pages are read
 * from (every read replica when there are some: the value changes whenever any of them moves on,
 * so a page rendered from a replica that was still behind is dropped once that one catches up),
 * and lets this process's own write path drop the current pages at once after a commit
 * (lib/portal/page-cache-signal.ts).
 */
function watchGeneration(cache) {
  const replicas = replicaUrls(process.env.DATABASE_REPLICA_URLS);
  const urls = replicas.length ? replicas : [process.env.DATABASE_URL].filter(Boolean);
  const everyMs = Number(process.env.QINGDAN_PAGE_CACHE_CHECK_MS ?? 1000);
  globalThis[PUBLIC_CHANGED] = () => cache.dropCurrent();
  if (!urls.length) return { stop() {} };
  const pools = urls.map((connectionString) => new pg.Pool({ connectionString, max: 1, idleTimeoutMillis: 0 }));
  for (const pool of pools) pool.on("error", () => {});
  let stopped = false;
  let timer;
  const check = async () => {
    try {
      const values = await Promise.all(pools.map(async (pool) => (await pool.query(GENERATION_SQL)).rows[0].generation));
      cache.setGeneration(values.join("|"));
    } catch {
      cache.setGeneration(null); // unknown: current pages are rendered, not served from memory
    }
    if (!stopped) timer = setTimeout(check, everyMs).unref();
  };
  void check();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
      for (const pool of pools) void pool.end().catch(() => {});
    },
  };
}
