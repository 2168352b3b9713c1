import { dayOfDbDate } from "@/lib/dates";
import { formatDateText } from "@/lib/format";

// Which published version of a list is 现行 (issue 12): the latest one whose 施行日期 has come.
// A version published today that takes effect next week is not in force until that day; until
// then the one before it stays 现行, and the new one says when it takes effect. Days are China's
// calendar days (lib/dates.ts); effective dates are DATE columns.

type Dated = { versionNo: number; effectiveAt: Date };

/**
 * The version of a published list that its current address shows, in SQL: the one in force on
 * `day` (the latest whose 施行日期 has come), or while none has yet, the first one. The one spelling
 * of the rule: the portal's reads (lib/portal/read.ts) and the cross-list search
 * (lib/lists/commands.ts indexInForce) select through it. `list` and `day` are SQL expressions (a
 * column, a parameter such as `$1::date`); `columns` are of `pv`, the version row.
 */
export function shownVersionSql(columns: string, list: string, day: string): string {
  return `SELECT ${columns} FROM power_list_version pv WHERE pv.list_id = ${list}
    ORDER BY pv.effective_at <= ${day} DESC, CASE WHEN pv.effective_at <= ${day} THEN -pv.version_no ELSE pv.version_no END LIMIT 1`;
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
 * (components/portal/version-status.tsx) and the open-data API answers it; `notice` only on those
 * to come. `more` adds fields of each version (the API's document number, address, ...).
 */
export function versionState<V extends Dated, X extends object = object>(versions: readonly V[], currentVersionNo: number | null, day: string, more?: (v: V) => X) {
  return {
    currentVersion: currentVersionNo,
    versions: versions.map((v) => ({
      number: v.versionNo,
      current: v.versionNo === currentVersionNo,
      ...(isUpcoming(v, day) ? { notice: upcomingLabel(v) } : {}),
      ...(more?.(v) as X),
    })),
  };
}
