import "server-only";
import { cache } from "react";
import { prisma } from "@/lib/db/client";
import { loadCalendarFrom } from "./load";

export { loadCalendarFrom };

/** The work calendar, loaded once per request. */
export const loadCalendar = cache(() => loadCalendarFrom(prisma));

export async function calendarYear(year: number) {
  return prisma.workCalendarDay.findMany({
    where: { date: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) } },
    orderBy: { date: "asc" },
    select: { date: true, kind: true, name: true, source: true, updatedByName: true },
  });
}
