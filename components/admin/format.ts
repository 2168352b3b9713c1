import { formatDate, formatDateTime } from "@/lib/format";

/** "14:05" when `d` is today in Asia/Shanghai, otherwise "2025-03-01 14:05". */
export function formatLockTime(d: Date, now = new Date()): string {
  const time = formatDateTime(d).slice(11, 16);
  return formatDate(d) === formatDate(now) ? time : `${formatDate(d)} ${time}`;
}
