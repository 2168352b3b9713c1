// Runs once when the server starts (Next.js instrumentation hook): background work of the app.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startOverdueChecks } = await import("./lib/dispatch/overdue-schedule");
  startOverdueChecks();
  const { startSearchSync } = await import("./lib/lists/search-schedule");
  startSearchSync();
}
