import "server-only";
import { env } from "@/lib/env";
import { every } from "@/lib/schedule";
import { runOverdueCheck } from "./commands";

/** How often the server looks for cases that became overdue (due days end at midnight, Beijing time). */
export const OVERDUE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Overdue reminders run on a schedule (lib/schedule.ts), not when someone reads a page: reads stay
 * reads, a reminder reaches people who are not signed in, and the check is idempotent (see
 * remindOverdueCases), so several servers or a restart never remind twice.
 * QINGDAN_OVERDUE_CHECK=off turns it off (e.g. for a read-only replica).
 */
export function startOverdueChecks() {
  if (env.QINGDAN_OVERDUE_CHECK === "off") return;
  every("dispatch", OVERDUE_CHECK_INTERVAL_MS, async () => {
    const { reminded } = await runOverdueCheck();
    if (reminded) console.log(`[dispatch] 逾期提醒：${reminded} 件`);
  });
}
