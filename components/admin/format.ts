import { formatDate } from "@/lib/format";

const timeFormatter = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** "14:05" when `d` is today in Asia/Shanghai, otherwise "2025-03-01 14:05". */
export function formatLockTime(d: Date, now = new Date()): string {
  const time = timeFormatter.format(d);
  return formatDate(d) === formatDate(now) ? time : `${formatDate(d)} ${time}`;
}
