import type { Tx } from "@/lib/db/client";
import { makeCalendar, type WorkCalendar } from "./workdays";

/** The calendar's exceptions from two years back on: enough for every live deadline. */
export async function loadCalendarFrom(db: Pick<Tx, "workCalendarDay">): Promise<WorkCalendar> {
  const from = new Date(Date.UTC(new Date().getUTCFullYear() - 2, 0, 1));
  const rows = await db.workCalendarDay.findMany({ where: { date: { gte: from } }, select: { date: true, kind: true } });
  return makeCalendar(rows);
}
