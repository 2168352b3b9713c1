import { describe, expect, it } from "vitest";
import { setCalendarDayAction } from "@/lib/calendar/actions";
import { actAs, prisma } from "./helpers";


describe("the work calendar", () => {
  it("lets 编办 mark a day, audited, and nobody else", async () => {
    await actAs("jiedao");
    expect(await setCalendarDayAction({ date: "2027-10-01", kind: "HOLIDAY", name: "国庆节" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await actAs("bianban");
    expect(await setCalendarDayAction({ date: "2027-10-01", kind: "HOLIDAY", name: "" })).toMatchObject({ ok: false, fieldErrors: { name: expect.any(String) } });
    expect(await setCalendarDayAction({ date: "2027-10-01", kind: "HOLIDAY", name: "国庆节" })).toMatchObject({ ok: true });
    expect(await prisma.workCalendarDay.findUnique({ where: { date: new Date("2027-10-01T00:00:00Z") } })).toMatchObject({ kind: "HOLIDAY", source: "MANUAL" });
    expect(await setCalendarDayAction({ date: "2027-10-01", kind: "NORMAL", name: "" })).toMatchObject({ ok: true });
    expect(await prisma.workCalendarDay.findUnique({ where: { date: new Date("2027-10-01T00:00:00Z") } })).toBeNull();
    expect(await prisma.auditLog.count({ where: { action: "calendar.setDay", subjectId: "2027-10-01" } })).toBe(2);
  });
});
