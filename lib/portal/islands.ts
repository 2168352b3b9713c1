/**
 * Server-built markup (an HTML string) handed from a server component to the HTML render without travelling
 * through the React Server Components payload, so that a page's large static table is sent once
 * (as HTML) instead of twice (as HTML and again as flight data for hydration).
 *
 * The server component stores the table under a fresh token and renders `<StaticIsland>` with
 * the token only; the HTML render of that client component, in the same process moments later,
 * takes the table back and renders it. In the browser the island keeps the server's HTML as it
 * is (it holds no interactive parts: plain links only). Entries are taken once; those of
 * requests that are never rendered to HTML (a client-side navigation) are dropped by age and
 * by count. On globalThis: the server-component and HTML renders load separate module copies.
 */
type Entry = { html: string; at: number };
// Entries live from the server-component render to the HTML render of the same request: at any
// moment about as many as requests in flight.
const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 512;
const store: Map<string, Entry> = ((globalThis as unknown as { qingdanIslands?: Map<string, Entry> }).qingdanIslands ??= new Map());

export function putIsland(html: string): string {
  const now = Date.now();
  // A Map iterates in insertion order, so the oldest entries come first.
  for (const [token, entry] of store) {
    if (store.size < MAX_ENTRIES && now - entry.at < MAX_AGE_MS) break;
    store.delete(token);
  }
  const token = crypto.randomUUID();
  store.set(token, { html, at: now });
  return token;
}

export function takeIsland(token: string): string | undefined {
  const entry = store.get(token);
  store.delete(token);
  return entry?.html;
}
