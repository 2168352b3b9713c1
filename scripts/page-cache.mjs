// The public portal served like static files (issue 14 §1). A published version never changes,
// so its rendered page, JSON and downloads are rendered once and then served from memory by the
// Node server itself (scripts/server.mjs), before Next.js is asked, with a strong ETag, 304 Not
// Modified and Cache-Control for browsers, nginx and CDNs:
//   - versioned URLs (`/lists/{id}/v/{n}`, `?version=N`, `?v=N`, a diff `?from=&to=`):
//     `public, max-age=31536000, immutable`;
//   - current URLs (`/lists/{id}`, the directory, the open-data API…): `public, max-age=0,
//     s-maxage=CURRENT_S_MAXAGE, stale-while-revalidate=…`, and kept in this server's memory only
//     until the public content changes.
// "Changes" is the publication generation (GENERATION_SQL): a new power-list or local-duty version,
// a moved current version or an edited unit changes it. Each server reads it every
// `checkEveryMs` (1 s) from the database its public reads come from, so a publish shows on every
// server within about a second, plus the proxies' s-maxage; on the server that published it,
// the write path calls the hook `globalThis[PUBLIC_CHANGED]` right after the commit, so there it
// shows at once. Anything the generation does not cover is re-rendered after `currentMaxAgeMs`.
//
// Only these GET paths are cached (search too, per query string, within the same byte budget);
// workspace pages, surveys and letter verification never are, nor any response that sets a cookie or is not a 200. Plain JS (no build step): the
// server runs it directly. Tested by scripts/page-cache.test.ts.
import crypto from "node:crypto";
import zlib from "node:zlib";

export const PUBLIC_CHANGED = Symbol.for("qingdan.publicChanged");

/** Seconds a shared cache (nginx, a CDN) may serve a current URL without asking again. */
export const CURRENT_S_MAXAGE = 10;
/** Seconds it may go on serving a stale copy while it asks again in the background. */
export const CURRENT_STALE_WHILE_REVALIDATE = 30;

export const IMMUTABLE_CACHE_CONTROL = "public, max-age=31536000, immutable";
export const CURRENT_CACHE_CONTROL = `public, max-age=0, s-maxage=${CURRENT_S_MAXAGE}, stale-while-revalidate=${CURRENT_STALE_WHILE_REVALIDATE}`;

/**
 * What the public sees changes when a version is published (power list, local duties or a list of
 * a configurable type), when a list's current version moves, when a unit is edited (names appear
 * on every page), when a list type is edited (its name and columns in /api/public/list-types), and
 * when the day changes in China: a version becomes 现行 on its 施行日期 without anything being
 * written (lib/lists/in-force.ts), so the current pages are rendered afresh from midnight on.
 */
export const GENERATION_SQL = `SELECT concat_ws('.',
  (now() AT TIME ZONE 'Asia/Shanghai')::date,
  (SELECT coalesce(max(id), 0) FROM power_list_version),
  (SELECT concat_ws('.', coalesce(sum(current_version_id::bigint), 0), coalesce(sum(indexed_version_id::bigint), 0)) FROM power_list),
  (SELECT coalesce(max(id), 0) FROM local_duty_list_version),
  (SELECT coalesce(floor(extract(epoch FROM max(updated_at)) * 1000), 0) FROM org_unit),
  (SELECT coalesce(max(id), 0) FROM typed_list_version),
  (SELECT coalesce(floor(extract(epoch FROM max(updated_at)) * 1000), 0) FROM list_type)) AS generation`;

const ID = "[1-9][0-9]{0,9}";
const CACHEABLE = new RegExp(
  "^/(?:" +
    [
      "", // home
      "lists",
      "lists/local",
      "search",
      `lists/${ID}`,
      `lists/${ID}/v/${ID}`,
      `lists/${ID}/history`,
      `lists/${ID}/diff`,
      `lists/${ID}/download`,
      `lists/${ID}/items/[^/]{1,200}`,
      `local-duties/${ID}`,
      `local-duties/${ID}/download`,
      "api/public/lists",
      `api/public/lists/${ID}`,
      `api/public/lists/${ID}/diff`,
      "api/public/local-duties",
      `api/public/local-duties/${ID}`,
      "api/public/search",
      "typed-lists",
      `typed-lists/${ID}`,
      `typed-lists/${ID}/download`,
      "api/public/list-types",
      `api/public/typed-lists/${ID}`,
    ].join("|") +
    ")$",
);

/** Whether a URL (path and query) is public and may be cached; and whether it never changes. */
export function classify(url) {
  const q = url.indexOf("?");
  const path = q < 0 ? url : url.slice(0, q);
  if (path.length > 300 || !CACHEABLE.test(path)) return null;
  const params = new URLSearchParams(q < 0 ? "" : url.slice(q + 1));
  const num = (k) => /^[1-9][0-9]{0,9}$/.test(params.get(k) ?? "");
  const immutable = /\/v\/[0-9]+$/.test(path) || num("version") || num("v") || (path.endsWith("/diff") && num("from") && num("to"));
  return { immutable };
}

/** A strong validator: the body's own hash. */
export function etagOf(body) {
  return `"${crypto.createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/** If-None-Match matches (weak comparison, as RFC 9110 prescribes for this header). */
export function notModified(ifNoneMatch, etag) {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const bare = etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((t) => t.trim().replace(/^W\//, "") === bare);
}

const sha256 = (text) => `'sha256-${crypto.createHash("sha256").update(text, "utf8").digest("base64")}'`;

/**
 * A page served to many visitors cannot carry one visitor's nonce. Its CSP allows instead exactly
 * the inline scripts and styles of this page by hash, and same-origin files ('self'; without
 * 'strict-dynamic', which would ignore 'self'). Everything else in the policy stays.
 */
export function cachedPagePolicy(csp, html) {
  const scripts = new Set();
  const styles = new Set();
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (!/\bsrc\s*=/i.test(m[1]) && m[2]) scripts.add(sha256(m[2]));
  }
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) if (m[1]) styles.add(sha256(m[1]));
  return csp
    .split(";")
    .map((d) => {
      const directive = d.trim();
      const name = directive.split(/\s+/)[0];
      if (name !== "script-src" && name !== "style-src") return directive;
      const kept = directive
        .split(/\s+/)
        .slice(1)
        .filter((s) => !s.startsWith("'nonce-") && s !== "'strict-dynamic'");
      return [name, ...kept, ...(name === "script-src" ? scripts : styles)].join(" ");
    })
    .join("; ");
}

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml)|image\/svg)/;
const size = (e) => e.body.length + (e.gzip?.length ?? 0);
/** Whether the client takes gzip (a q=0 refuses it). */
export function acceptsGzip(header) {
  if (!header) return false;
  return String(header)
    .split(",")
    .some((part) => {
      const [coding, ...params] = part.trim().toLowerCase().split(";");
      if (coding !== "gzip" && coding !== "*") return false;
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return !q || Number(q.slice(2)) > 0;
    });
}

// Hop-by-hop headers and the ones this cache sets itself are not stored.
const NOT_STORED = new Set(["vary", "content-encoding", "connection", "keep-alive", "transfer-encoding", "date", "content-length", "etag", "cache-control", "set-cookie", "x-nextjs-cache", "x-nextjs-prerender", "x-nextjs-stale-time"]);

/**
 * An LRU of whole responses, bounded by bytes. `handle(req, res, next)` serves a cached response
 * or lets `next` render one, buffering it to add the validator and store it.
 */
export function createPageCache({ maxBytes = 64 * 1024 * 1024, currentMaxAgeMs = 5 * 60_000, now = () => Date.now() } = {}) {
  const entries = new Map(); // url → { status, headers, body, etag, immutable, generation, storedAt }
  let bytes = 0;
  let generation = null; // unknown until the first check: current URLs are then rendered, not stored
  const stats = { hits: 0, misses: 0, notModified: 0, stored: 0 };

  const remove = (key) => {
    const e = entries.get(key);
    if (!e) return;
    bytes -= size(e);
    entries.delete(key);
  };
  const dropCurrent = () => {
    for (const [key, e] of entries) if (!e.immutable) remove(key);
  };

  function send(req, res, e, acceptEncoding = req.headers["accept-encoding"]) {
    const cacheControl = e.immutable ? IMMUTABLE_CACHE_CONTROL : CURRENT_CACHE_CONTROL;
    const gzip = e.gzip && acceptsGzip(acceptEncoding);
    // One validator per representation: the compressed bytes are another representation.
    const etag = gzip ? e.etag.replace(/"$/, '-gz"') : e.etag;
    const common = { ETag: etag, "Cache-Control": cacheControl, Vary: e.vary };
    if (notModified(req.headers["if-none-match"], etag)) {
      stats.notModified++;
      res.writeHead(304, common);
      res.end();
      return;
    }
    const body = gzip ? e.gzip : e.body;
    res.writeHead(e.status, { ...e.headers, ...common, ...(gzip ? { "Content-Encoding": "gzip" } : {}), "Content-Length": body.length });
    res.end(req.method === "HEAD" ? undefined : body);
  }

  function fresh(e) {
    if (e.immutable) return true;
    return generation !== null && e.generation === generation && now() - e.storedAt < currentMaxAgeMs;
  }

  async function handle(req, res, next) {
    if ((req.method !== "GET" && req.method !== "HEAD") || !req.url) return next();
    // Client-side navigation asks the same URL for React's payload instead of HTML: not cached.
    if (req.headers["rsc"] || req.headers["next-router-state-tree"] || req.headers["next-router-prefetch"] || req.headers["next-action"] || req.url.includes("_rsc=")) return next();
    const kind = classify(req.url);
    if (!kind) return next();
    const key = req.url;
    const hit = entries.get(key);
    if (hit && fresh(hit)) {
      stats.hits++;
      entries.delete(key); // LRU: move to the end
      entries.set(key, hit);
      return send(req, res, hit);
    }
    if (hit) remove(key);
    stats.misses++;
    if (req.method === "HEAD") return next(); // Next sends no body for HEAD: nothing to store
    // Stored uncompressed; the compressed copy is made once, below, for every later visitor.
    const acceptEncoding = req.headers["accept-encoding"];
    delete req.headers["accept-encoding"];
    const generationAtStart = generation;
    return next(capture(res, (status, headers, body) => {
      const cookie = res.getHeader("set-cookie");
      if (status !== 200 || cookie) return false;
      const stored = {};
      for (const [name, value] of Object.entries(headers)) if (!NOT_STORED.has(name) && value !== undefined) stored[name] = value;
      const type = String(stored["content-type"] ?? "");
      if (stored["content-security-policy"] && type.startsWith("text/html")) {
        stored["content-security-policy"] = cachedPagePolicy(String(stored["content-security-policy"]), body.toString("utf8"));
      }
      const vary = [...new Set([...String(headers["vary"] ?? "").split(","), "Accept-Encoding"].map((v) => v.trim()).filter(Boolean))].join(", ");
      const e = { status, headers: stored, vary, body, gzip: null, etag: etagOf(body), immutable: kind.immutable, generation: generationAtStart, storedAt: now() };
      if (body.length >= 1024 && COMPRESSIBLE.test(type)) {
        const gz = zlib.gzipSync(body, { level: 6 });
        if (gz.length < body.length * 0.9) e.gzip = gz;
      }
      // A current page rendered while the generation was unknown or changed is served once, not kept.
      if ((kind.immutable || (generationAtStart !== null && generationAtStart === generation)) && body.length <= maxBytes / 8) {
        entries.set(key, e);
        bytes += size(e);
        stats.stored++;
        for (const k of entries.keys()) {
          if (bytes <= maxBytes) break;
          remove(k);
        }
      }
      send(req, res, e, acceptEncoding);
      return true;
    }));
  }

  return {
    handle,
    stats,
    dropCurrent,
    get size() {
      return entries.size;
    },
    get bytes() {
      return bytes;
    },
    /** The publication generation just read from the database (null: could not read it). */
    setGeneration(value) {
      if (value !== generation) dropCurrent();
      generation = value;
    },
  };
}

/**
 * Lets Next write its response into memory instead of the socket. When it ends, `done(status,
 * headers, body)` sends it (returning true) or declines (false), in which case the buffered
 * response goes out unchanged.
 */
function capture(res, done) {
  const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  const chunks = [];
  const restore = () => Object.assign(res, original);
  res.flushHeaders = () => {};
  res.writeHead = function (status, reason, headers) {
    res.statusCode = status;
    const h = typeof reason === "object" ? reason : headers;
    if (Array.isArray(h)) for (let i = 0; i < h.length; i += 2) res.setHeader(h[i], h[i + 1]);
    else if (h) for (const [k, v] of Object.entries(h)) res.setHeader(k, v);
    return res;
  };
  res.write = function (chunk, encoding, cb) {
    if (chunk !== undefined && chunk !== null) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8"));
    if (typeof encoding === "function") encoding();
    else if (typeof cb === "function") cb();
    return true;
  };
  res.end = function (chunk, encoding, cb) {
    if (typeof chunk === "function") {
      cb = chunk;
      chunk = undefined;
    }
    if (chunk !== undefined && chunk !== null) res.write(chunk, encoding);
    restore();
    const body = Buffer.concat(chunks);
    const headers = res.getHeaders();
    if (!done(res.statusCode, headers, body)) {
      res.setHeader("Content-Length", body.length);
      res.end(body);
    }
    if (typeof cb === "function") cb();
    else if (typeof encoding === "function") encoding();
    return res;
  };
  return res;
}
