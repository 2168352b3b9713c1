import { dayOfDbDate } from "@/lib/dates";
import { formatDateText } from "@/lib/format";

// Which published version of a list is 现行 (issue 12): the latest one whose 施行日期 has come.
// A version published today that takes effect next week is not in force until that day; until
// then the one before it stays 现行, and the new one says when it takes effect. Days are China's
// calendar days (lib/dates.ts); effective dates are DATE columns.

type Dated = { versionNo: number; effectiveAt: Date };

/** The version in force on `day` ("YYYY-MM-DD"), or null when none has taken effect yet. */
export function versionInForce<V extends Dated>(versions: readonly V[], day: string): V | null {
  let best: V | null = null;
  for (const v of versions) if (dayOfDbDate(v.effectiveAt) <= day && (!best || v.versionNo > best.versionNo)) best = v;
  return best;
}

/** Whether a version's 施行日期 is still to come on `day`. */
export function isUpcoming(version: { effectiveAt: Date }, day: string): boolean {
  return dayOfDbDate(version.effectiveAt) > day;
}

/** "将于2026年12月27日施行". */
export function upcomingLabel(version: { effectiveAt: Date }): string {
  return `将于${formatDateText(dayOfDbDate(version.effectiveAt))}施行`;
}

/**
 * Which version is 现行 and which are still to take effect, as the portal shows it
 * (components/portal/version-status.tsx); `notice` only on those to come.
 */
export function versionState(versions: readonly Dated[], currentVersionNo: number | null, day: string) {
  return {
    currentVersion: currentVersionNo,
    versions: versions.map((v) => ({ number: v.versionNo, ...(isUpcoming(v, day) ? { notice: upcomingLabel(v) } : {}) })),
  };
}
