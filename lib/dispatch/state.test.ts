import { describe, expect, it } from "vitest";
import { makeCalendar } from "@/lib/calendar/workdays";
import { chineseDaysCalendar } from "@/lib/calendar/chinese-days";
import { acceptDueDay, acceptLate, isOverdue, isReportLate, replyDueDay, unitStats } from "./state";
import { reportSchema } from "./schema";

const calendar = makeCalendar(chineseDaysCalendar({ from: 2024, to: 2026 }));
const at = (s: string) => new Date(`${s}+08:00`);

describe("deadlines on the work calendar", () => {
  it("gives a department 3 working days, skipping a weekend", () => {
    // Thursday 2025-03-06 → Fri, Mon, Tue.
    expect(acceptDueDay(at("2025-03-06T10:00:00"), calendar)).toBe("2025-03-11");
  });
  it("skips the National Day holiday and counts the Saturday make-up workday (2025)", () => {
    // Tue 2025-09-30; 10-01..10-08 are holidays; 10-09 Thu, 10-10 Fri, 10-11 Sat (调休上班).
    expect(acceptDueDay(at("2025-09-30T16:00:00"), calendar)).toBe("2025-10-11");
  });
  it("a report made late in the evening counts on Beijing's calendar day", () => {
    expect(acceptDueDay(new Date("2025-03-06T17:00:00Z"), calendar)).toBe("2025-03-12");
  });
  it("reply deadlines use the given working days", () => {
    expect(replyDueDay(at("2025-04-30T09:00:00"), 5, calendar)).toBe("2025-05-12");
  });
});

describe("late and overdue", () => {
  it("a report is late when made after the day the case was found", () => {
    expect(isReportLate(at("2025-03-06T08:00:00"), at("2025-03-06T23:30:00"))).toBe(false);
    expect(isReportLate(at("2025-03-06T23:30:00"), at("2025-03-07T08:00:00"))).toBe(true);
  });
  it("the due day itself is on time; the next day is overdue", () => {
    const c = { status: "REPORTED" as const, acceptDueOn: new Date("2025-03-11T00:00:00Z"), replyDueOn: null };
    expect(isOverdue(c, at("2025-03-11T23:00:00"))).toBe(false);
    expect(isOverdue(c, at("2025-03-12T08:00:00"))).toBe(true);
    expect(isOverdue({ ...c, status: "ACCEPTED" }, at("2025-03-20T08:00:00"))).toBe(false);
  });
  it("statistics: overdue rate and average response in working days", () => {
    const base = { direction: "UP" as const, reportLate: false, replyDueOn: null, repliedAt: null, escalatedAt: null };
    const cases = [
      { ...base, status: "ACCEPTED" as const, reportedAt: at("2025-03-06T10:00:00"), acceptDueOn: new Date("2025-03-11T00:00:00Z"), acceptedAt: at("2025-03-07T10:00:00") },
      { ...base, status: "ACCEPTED" as const, reportedAt: at("2025-03-06T10:00:00"), acceptDueOn: new Date("2025-03-11T00:00:00Z"), acceptedAt: at("2025-03-13T10:00:00") },
    ];
    // 1 working day (Thu→Fri) and 5 (Thu→next Thu): average 3.
    const s = unitStats("DEPARTMENT", cases, calendar, at("2025-04-01T00:00:00"));
    expect(s).toEqual({ cases: 2, overdue: 1, overdueRate: 0.5, avgResponseWorkdays: 3 });
    expect(acceptLate(cases[1])).toBe(true);
  });
});

describe("report form", () => {
  it("needs what, where and when, with Chinese messages", () => {
    const r = reportSchema.safeParse({ departmentId: "3", title: " ", location: "", foundAt: "昨天", description: "x" });
    expect(r.success).toBe(false);
    const m = Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(m.title).toBe("请填写问题概述");
    expect(m.location).toBe("请填写发生地点");
    expect(m.foundAt).toContain("请填写发现时间");
  });
});
