// The one reading of DATABASE_REPLICA_URLS: connection strings separated by commas, blanks
// ignored. Plain JavaScript, so that scripts/server.mjs (run before any build) and
// lib/db/client.ts read it the same way.

/** @param {string | undefined} value @returns {string[]} */
export function replicaUrls(value) {
  return (value ?? "")
    .split(",")
    .map((u) => u.trim())
    .filter(Boolean);
}
