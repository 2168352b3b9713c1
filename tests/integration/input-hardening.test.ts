import { describe, expect, it } from "vitest";
import { setCalendarDayAction } from "@/lib/calendar/actions";
import { registerTaskAction } from "@/lib/refusals/actions";
import { createEntryAction, updateEntryAction } from "@/lib/dictionary/actions";
import { setUserActiveAction, updateUserAction } from "@/lib/users/actions";
import { UNSAFE_TEXT_MESSAGE } from "@/lib/validation";
import { GET as roundExportGET } from "@/app/api/devolution/rounds/[id]/export/route";
import { GET as letterGET } from "@/app/api/devolution/letters/[id]/[format]/route";
import { GET as listDownloadGET } from "@/app/(public)/lists/[id]/download/route";
import { GET as publicListGET } from "@/app/api/public/lists/[id]/route";
import { GET as publicSearchGET } from "@/app/api/public/search/route";
import { actAs, prisma, unitId } from "./helpers";

// Issue 10 items 11 and 12: impossible dates, NUL and lone surrogates, ids beyond PostgreSQL's
// INTEGER. Each is refused with a Chinese message (or a 404 for a URL) and writes nothing.


const DATE_MESSAGE = "请填写有效的日期（如 2027-02-28）";

async function counts() {
  const [calendarDays, tasks, entries, users, audits] = await Promise.all([
    prisma.workCalendarDay.count(),
    prisma.taskRegisterEntry.count(),
    prisma.dictionaryEntry.findMany({ orderBy: { id: "asc" } }),
    prisma.user.findMany({ orderBy: { id: "asc" }, select: { id: true, active: true, displayName: true, unitId: true } }),
    prisma.auditLog.count(),
  ]);
  return { calendarDays, tasks, entries, users, audits };
}

describe("impossible dates", () => {
  it("2027-02-31 and 2026-13-45 are refused with a Chinese message instead of being stored as another day or failing", async () => {
    await actAs("bianban");
    const before = await counts();
    for (const date of ["2027-02-31", "2026-13-45", "2027-02-29"]) {
      const r = await setCalendarDayAction({ date, kind: "HOLIDAY", name: "测试假日" });
      expect(r, date).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { date: DATE_MESSAGE } });
    }
    expect(await prisma.workCalendarDay.findFirst({ where: { date: new Date("2027-03-03T00:00:00Z") } })).toBeNull();
    expect(await counts()).toEqual(before);
  });

  it("a leap day in a leap year is a real day and is saved", async () => {
    await actAs("bianban");
    expect(await setCalendarDayAction({ date: "2028-02-29", kind: "HOLIDAY", name: "测试假日" })).toMatchObject({ ok: true });
    expect(await prisma.workCalendarDay.findFirst({ where: { date: new Date("2028-02-29T00:00:00Z") } })).toMatchObject({ kind: "HOLIDAY" });
  });

  it("a street's task received on 2027-02-31 names the field", async () => {
    await actAs("jiedao");
    const before = await counts();
    const r = await registerTaskAction({ title: "临时交办的检查任务", departmentId: await unitId("示例市城市管理综合执法局"), receivedOn: "2027-02-31", description: "" });
    expect(r).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { receivedOn: "请填写有效的收到日期（如 2027-02-28）" } });
    expect(await counts()).toEqual(before);
  });
});

describe("text the database cannot store", () => {
  it("a NUL in a declared text field is a validation message on that field", async () => {
    await actAs("bianban");
    const before = await counts();
    const r = await createEntryAction({ kind: "POWER_TYPE", name: "行政\u0000检查" });
    expect(r).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { name: UNSAFE_TEXT_MESSAGE } });
    expect(await counts()).toEqual(before);
  });

  it("a lone surrogate is refused the same way", async () => {
    await actAs("bianban");
    const before = await counts();
    const r = await createEntryAction({ kind: "DOMAIN", name: "城市\uD800管理" });
    expect(r).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { name: UNSAFE_TEXT_MESSAGE } });
    expect(await counts()).toEqual(before);
  });

  it("a NUL in a field without a text schema (a list of synonyms) is caught before any schema runs", async () => {
    await actAs("bianban");
    const entry = await prisma.dictionaryEntry.findFirstOrThrow({ where: { kind: "DOMAIN", active: true } });
    const before = await counts();
    const r = await updateEntryAction({ id: entry.id, name: entry.name, synonyms: ["正常", "带\u0000空字符"] });
    expect(r).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { "synonyms.1": UNSAFE_TEXT_MESSAGE } });
    expect(await counts()).toEqual(before);
  });
});

describe("ids beyond PostgreSQL's INTEGER", () => {
  it("an id of 2147483648 is a validation failure, not a database error", async () => {
    await actAs("admin");
    const before = await counts();
    for (const id of [2147483648, "2147483648", "99999999999999999999"]) {
      const r = await setUserActiveAction({ id, active: false });
      expect(r, String(id)).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { id: expect.stringMatching(/编号有误/) } });
    }
    const r = await updateUserAction({ id: 1, displayName: "张三", unitId: "2147483648", roles: ["BIANBAN_STAFF"] });
    expect(r).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { unitId: "请选择所属单位" } });
    expect(await counts()).toEqual(before);
  });
});

describe("ids and keys in URLs", () => {
  const params = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });

  it("route handlers answer 404 for an id beyond INTEGER, a NUL or junk", async () => {
    await actAs("bianban");
    for (const id of ["2147483648", "\u0000", "%00", "1e3", "-1"]) {
      expect((await roundExportGET(new Request("http://app.test/x"), params({ id }))).status, id).toBe(404);
      expect((await letterGET(new Request("http://app.test/x"), params({ id, format: "pdf" }))).status, id).toBe(404);
      expect((await listDownloadGET(new Request("http://app.test/x"), params({ id }))).status, id).toBe(404);
      expect((await publicListGET(new Request("http://app.test/x"), params({ id }))).status, id).toBe(404);
    }
  });

  it("the open-data search answers 400 naming the parameter for a NUL in q", async () => {
    const res = await publicSearchGET(new Request(`http://app.test/api/public/search?q=${encodeURIComponent("城管\u0000")}`));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: "INVALID_PARAMETER", parameter: "q", message: expect.stringMatching(/空字符/) } });
  });
});
