import "server-only";
import { every } from "@/lib/schedule";
import { runSearchSync } from "./commands";

/**
 * How often the server checks for lists whose version in force changed (a version published
 * earlier reached its 施行日期): the cross-list search then holds its items within this long
 * after midnight in China.
 */
export const SEARCH_SYNC_INTERVAL_MS = 10 * 60 * 1000;

/** Keeps the cross-list search on each list's version in force (lib/lists/commands.ts indexInForce). */
export function startSearchSync() {
  every("search", SEARCH_SYNC_INTERVAL_MS, async () => {
    const moved = await runSearchSync();
    if (moved.length) console.log(`[search] ${moved.length} 份清单的新版本已施行，事项检索已改用新版本`);
  });
}
