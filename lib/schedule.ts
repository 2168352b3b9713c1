import "server-only";

/** Started tasks by name: a second start (a hot reload, a second import) does nothing. */
const timers = new Map<string, ReturnType<typeof setInterval>>();

/**
 * Background work of the app (instrumentation.ts): `task` runs shortly after the server starts
 * and then every `intervalMs`, never when someone reads a page. A failed run (the database
 * restarting) is logged and retried at the next interval. Tasks must be idempotent: several
 * servers run them at once.
 */
export function every(name: string, intervalMs: number, task: () => Promise<void>) {
  if (timers.has(name)) return;
  const run = async () => {
    try {
      await task();
    } catch (error) {
      console.error(`[${name}] scheduled run failed`, error);
    }
  };
  setTimeout(() => void run(), 5_000).unref();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  timers.set(name, timer);
}
