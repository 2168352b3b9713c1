// Working-day arithmetic on Asia/Shanghai calendar days. Pure: the calendar is passed in.
// A day is written "YYYY-MM-DD"; Mondays to Fridays are workdays unless the calendar says a
// date is a public holiday, and a weekend day is a workday when it is a make-up day (调休).

import { dayOfDbDate, toDay, type DayInput } from "@/lib/dates";

export { dayOfDbDate, dbDate, toDay, type DayInput } from "@/lib/dates";

export type DayKind = "HOLIDAY" | "WORKDAY";
export type WorkCalendar = { overrides: ReadonlyMap<string, DayKind> };

export function makeCalendar(days: Iterable<{ date: DayInput; kind: DayKind }>): WorkCalendar {
  const overrides = new Map<string, DayKind>();
  for (const d of days) overrides.set(typeof d.date === "string" ? d.date : dayOfDbDate(d.date), d.kind);
  return { overrides };
}

function shift(day: string, by: number): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + by);
  return d.toISOString().slice(0, 10);
}

function weekday(day: string): number {
  return new Date(`${day}T00:00:00.000Z`).getUTCDay();
}

export function isWorkday(date: DayInput, calendar: WorkCalendar): boolean {
  const day = toDay(date);
  const o = calendar.overrides.get(day);
  if (o) return o === "WORKDAY";
  const w = weekday(day);
  return w !== 0 && w !== 6;
}

/**
 * The day `n` working days after `date` (the start day itself does not count). With n = 0:
 * the start day when it is a workday, else the next workday.
 */
export function addWorkdays(date: DayInput, n: number, calendar: WorkCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError("n must be a non-negative integer");
  let day = toDay(date);
  if (n === 0) {
    while (!isWorkday(day, calendar)) day = shift(day, 1);
    return day;
  }
  let left = n;
  while (left > 0) {
    day = shift(day, 1);
    if (isWorkday(day, calendar)) left--;
  }
  return day;
}

/**
 * Working days from `a` to `b`: the workdays in (a, b] when b is later, minus those in (b, a]
 * when b is earlier; 0 for the same day. "3 working days overdue" is workdaysBetween(due, today).
 */
export function workdaysBetween(a: DayInput, b: DayInput, calendar: WorkCalendar): number {
  const from = toDay(a);
  const to = toDay(b);
  if (from === to) return 0;
  const sign = to > from ? 1 : -1;
  let [lo, hi] = sign > 0 ? [from, to] : [to, from];
  let count = 0;
  while (lo < hi) {
    lo = shift(lo, 1);
    if (isWorkday(lo, calendar)) count++;
  }
  return sign * count;
}

/** Every day of a month with whether it is a workday, for the calendar page. */
export function monthDays(year: number, month: number, calendar: WorkCalendar) {
  const out: { day: string; weekday: number; workday: boolean; override: DayKind | null }[] = [];
  let day = `${year}-${String(month).padStart(2, "0")}-01`;
  while (Number(day.slice(5, 7)) === month) {
    out.push({ day, weekday: weekday(day), workday: isWorkday(day, calendar), override: calendar.overrides.get(day) ?? null });
    day = shift(day, 1);
  }
  return out;
}
