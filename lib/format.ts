import { DAY_RE, toDay } from "@/lib/dates";

// One date format everywhere (issue 12): 2026-12-27 in tables, exports and wherever dates line
// up in columns (formatDate, formatDateTime); 2026年12月27日 in running text (formatDateText).
// Days are China's calendar days (Asia/Shanghai), as everywhere else (lib/dates.ts).

type DateLike = Date | string | null | undefined;

function dayOf(d: Date | string): string {
  if (typeof d === "string") return DAY_RE.test(d) ? toDay(d) : toDay(new Date(d));
  return toDay(d);
}

const timeFormatter = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Shanghai", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });

/** A day for tables and exports: "2026-12-27" ("" for none). */
export function formatDate(d: DateLike): string {
  if (!d) return "";
  return dayOf(d);
}

/** A day in running text: "2026年12月27日" ("" for none). */
export function formatDateText(d: DateLike): string {
  if (!d) return "";
  const [y, m, day] = dayOf(d).split("-");
  return `${y}年${Number(m)}月${Number(day)}日`;
}

/** An instant for tables and logs: "2026-12-27 14:03:05" in China's time. */
export function formatDateTime(d: DateLike): string {
  if (!d) return "";
  const date = typeof d === "string" ? new Date(d) : d;
  return `${toDay(date)} ${timeFormatter.format(date)}`;
}

/** An instant in running text: "2026年12月27日 14:03". */
export function formatDateTimeText(d: DateLike): string {
  if (!d) return "";
  const date = typeof d === "string" ? new Date(d) : d;
  return `${formatDateText(date)} ${timeFormatter.format(date).slice(0, 5)}`;
}

/** A file's size for people: "193 字节", "1.5 KB", "2.3 MB" (never "0 KB" for a small file). */
export function formatFileSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "";
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
