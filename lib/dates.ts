// Calendar days as "YYYY-MM-DD" strings, read in China's time zone (Asia/Shanghai, UTC+8, no
// daylight saving). The one place that knows what "today" is; pure, usable on client and server.

export type DayInput = Date | string;

export const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const shanghai = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });

/** True for a "YYYY-MM-DD" that names a day on the calendar: 2028-02-29 yes, 2027-02-29 and 2026-13-45 no. */
export function isRealDay(value: string): boolean {
  if (!DAY_RE.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number);
  if (m < 1 || m > 12 || d < 1) return false;
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d); // unlike Date.UTC, does not read years 0–99 as 1900–1999
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The China calendar day of an instant (a Date), or a "YYYY-MM-DD" string as is (it must be a real day). */
export function toDay(input: DayInput): string {
  if (typeof input === "string") {
    if (!isRealDay(input)) throw new RangeError(`not a day: ${input}`);
    return input;
  }
  return shanghai.format(input);
}

/** Today in China. */
export function today(now: Date = new Date()): string {
  return toDay(now);
}

/** A PostgreSQL DATE read by Prisma is midnight UTC of that day. */
export function dayOfDbDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The value to store in a DATE column for a day. */
export function dbDate(day: string): Date {
  return new Date(`${toDay(day)}T00:00:00.000Z`);
}

/** The first instant of a day in China. */
export function dayStart(day: string): Date {
  return new Date(`${toDay(day)}T00:00:00.000+08:00`);
}

/** The last instant of a day in China: what is due that day is overdue from the next morning. */
export function dayEnd(day: string): Date {
  return new Date(`${toDay(day)}T23:59:59.999+08:00`);
}

const shanghaiMinute = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** An instant as a datetime-local field shows it in China: "YYYY-MM-DDTHH:mm". */
export function toLocalMinute(now: Date = new Date()): string {
  return shanghaiMinute.format(now).replace(" ", "T");
}
