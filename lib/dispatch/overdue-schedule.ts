import "server-only";
import { env } from "@/lib/env";
import { runOverdueCheck } from "./commands";

/** How often the server looks for cases that became overdue (due days end at midnight, Beijing time). */
export const OVERDUE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

let timer: ReturnType<typeof setInterval> | null = null;

async function check() {
  try {
    const { reminded } = await runOverdueCheck();
    if (reminded) console.log(`[dispatch] 逾期提醒：${reminded} 件`);
  } catch (error) {
    // A failed check (database restarting) is retried at the next interval.
    console.error("[dispatch] overdue check failed", error);
  }
}

/**
 * Overdue reminders run on a schedule, not when someone reads a page: once shortly after the
 * server starts and then hourly. Reads stay reads, a reminder reaches people who are not signed
 * in, and the check is idempotent (see remindOverdueCases), so several servers or a restart
 * never remind twice. QINGDAN_OVERDUE_CHECK=off turns it off (e.g. for a read-only replica).
 */
export function startOverdueChecks() {
  if (timer || env.QINGDAN_OVERDUE_CHECK === "off") return;
  setTimeout(() => void check(), 5_000).unref();
  timer = setInterval(() => void check(), OVERDUE_CHECK_INTERVAL_MS);
  timer.unref();
}
