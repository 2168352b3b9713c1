// Deadlines and statistics of dispatched cases, on the work calendar. Pure: the calendar and
// "now" are passed in.
import { addWorkdays, dayOfDbDate as dbDay, toDay, workdaysBetween, type WorkCalendar } from "@/lib/calendar/workdays";
import type { DispatchStatus } from "@/lib/generated/prisma/enums";

/** A department accepts the formal handover within 3 working days of the report (黄陂). */
export const ACCEPT_WORKDAYS = 3;
/** A street replies to a forwarded complaint within this many working days unless told otherwise. */
export const DEFAULT_REPLY_WORKDAYS = 5;

export const OPEN_STATUSES: DispatchStatus[] = ["REPORTED", "ESCALATED", "ACCEPTED", "FORWARDED"];

/** A case is reported the day it is found; a later report is marked late. */
export function isReportLate(foundAt: Date, reportedAt: Date): boolean {
  return toDay(reportedAt) > toDay(foundAt);
}

export function acceptDueDay(reportedAt: Date, calendar: WorkCalendar): string {
  return addWorkdays(toDay(reportedAt), ACCEPT_WORKDAYS, calendar);
}

export function replyDueDay(forwardedAt: Date, workdays: number, calendar: WorkCalendar): string {
  return addWorkdays(toDay(forwardedAt), workdays, calendar);
}

type CaseTimes = {
  direction: "UP" | "DOWN";
  status: DispatchStatus;
  reportedAt: Date;
  reportLate: boolean;
  acceptDueOn: Date | null;
  acceptedAt: Date | null;
  replyDueOn: Date | null;
  repliedAt: Date | null;
  escalatedAt: Date | null;
};

/** Past the deadline of the step it is waiting for (the due day itself is still on time). */
export function isOverdue(c: Pick<CaseTimes, "status" | "acceptDueOn" | "replyDueOn">, now = new Date()): boolean {
  const today = toDay(now);
  if ((c.status === "REPORTED" || c.status === "ESCALATED") && c.acceptDueOn) return today > dbDay(c.acceptDueOn);
  if (c.status === "FORWARDED" && c.replyDueOn) return today > dbDay(c.replyDueOn);
  return false;
}

/** Was the department's acceptance late (or is it still outstanding past its due day)? */
export function acceptLate(c: CaseTimes, now = new Date()): boolean {
  if (!c.acceptDueOn) return false;
  const done = c.acceptedAt ? toDay(c.acceptedAt) : c.status === "REPORTED" || c.status === "ESCALATED" ? toDay(now) : null;
  return done != null && done > dbDay(c.acceptDueOn);
}

/** Was the street's reply late (or is it still outstanding past its due day)? */
export function replyLate(c: CaseTimes, now = new Date()): boolean {
  if (c.direction !== "DOWN" || !c.replyDueOn) return false;
  const answered = c.repliedAt ?? c.escalatedAt;
  const done = answered ? toDay(answered) : c.status === "FORWARDED" ? toDay(now) : null;
  return done != null && done > dbDay(c.replyDueOn);
}

export type UnitStats = { cases: number; overdue: number; overdueRate: number | null; avgResponseWorkdays: number | null };

/**
 * A department answers for accepting what streets report or hand up; a street for reporting on
 * the day and for replying to what departments forward.
 */
export function unitStats(side: "STREET" | "DEPARTMENT", cases: (CaseTimes & { escalatedAt: Date | null })[], calendar: WorkCalendar, now = new Date()): UnitStats {
  let counted = 0;
  let overdue = 0;
  const responses: number[] = [];
  for (const c of cases) {
    if (side === "DEPARTMENT") {
      if (!c.acceptDueOn) continue;
      counted++;
      if (acceptLate(c, now)) overdue++;
      const from = c.direction === "DOWN" ? c.escalatedAt : c.reportedAt;
      if (c.acceptedAt && from) responses.push(Math.max(0, workdaysBetween(from, c.acceptedAt, calendar)));
    } else {
      counted++;
      if (c.direction === "UP" ? c.reportLate : replyLate(c, now)) overdue++;
      const answered = c.repliedAt ?? c.escalatedAt;
      if (c.direction === "DOWN" && answered) responses.push(Math.max(0, workdaysBetween(c.reportedAt, answered, calendar)));
    }
  }
  return {
    cases: counted,
    overdue,
    overdueRate: counted ? overdue / counted : null,
    avgResponseWorkdays: responses.length ? Math.round((responses.reduce((a, b) => a + b, 0) / responses.length) * 10) / 10 : null,
  };
}
