// After a write commits in this process, the public pages this server keeps in memory
// (scripts/page-cache.mjs, installed by scripts/server.mjs) are checked again at once instead of
// at the next generation read, so a publish shows on this server's current URLs immediately.
// Without that server (next dev, tests, scripts) nothing is registered and this does nothing.
const PUBLIC_CHANGED = Symbol.for("qingdan.publicChanged");

export function signalPublicChange() {
  const hook = (globalThis as Record<symbol, unknown>)[PUBLIC_CHANGED];
  if (typeof hook === "function") hook();
}
