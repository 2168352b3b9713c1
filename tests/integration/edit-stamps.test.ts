import { describe, expect, it } from "vitest";
import { createEditionAction, createItemAction, updateEditionAction, updateItemAction } from "@/lib/catalogue/actions";
import { updateEntryAction } from "@/lib/dictionary/actions";
import { updateUnitAction } from "@/lib/units/actions";
import { updateUserAction } from "@/lib/users/actions";
import { createCategoryAction, renameCategoryAction } from "@/lib/lists/actions";
import { createEvaluationRoundAction, saveIndicatorsAction, setEvaluationDeadlineAction } from "@/lib/evaluation/actions";
import { setCalendarDayAction } from "@/lib/calendar/actions";
import { addDutyAction, updateDutyAction } from "@/lib/local-duties/actions";
import { dutyStamp } from "@/lib/local-duties/commands";
import { stampOf } from "@/lib/edit-stamp";
import type { ActionResult } from "@/lib/errors";
import { actAs, createTestUser, prisma, unitId } from "./helpers";


const STALE = /已被他人修改/;
const auditTotal = () => prisma.auditLog.count();

/**
 * The lost update, for one record type: two editors load the same stamp; the first save goes
 * through, the second (stale) one is refused with the Chinese message and writes nothing.
 */
async function expectStaleRefused<T>(opts: {
  stamp: () => Promise<string>;
  read: () => Promise<T>;
  save: (stamp: string, variant: 1 | 2) => Promise<ActionResult<unknown>>;
}) {
  const stamp = await opts.stamp();
  expect(await opts.save(stamp, 1)).toMatchObject({ ok: true });
  const afterFirst = await opts.read();
  expect(await opts.stamp()).not.toBe(stamp);
  const audits = await auditTotal();
  const stale = await opts.save(stamp, 2);
  expect(stale).toMatchObject({ ok: false, code: "CONFLICT", message: expect.stringMatching(STALE) });
  expect(await opts.read()).toEqual(afterFirst);
  expect(await auditTotal()).toBe(audits);
  // With the current stamp the same save goes through.
  expect(await opts.save(await opts.stamp(), 2)).toMatchObject({ ok: true });
}

describe("edit stamps: a stale save is refused and writes nothing", () => {
  it("catalogue edition details and items", async () => {
    await actAs("bianban");
    const edition = await createEditionAction({ kind: "GUIDANCE", title: `编辑戳测试版本${Date.now()}` });
    if (!edition.ok) throw new Error(edition.message);
    const editionId = edition.data.id;
    await expectStaleRefused({
      stamp: async () => stampOf((await prisma.catalogueEdition.findUniqueOrThrow({ where: { id: editionId } })).updatedAt),
      read: () => prisma.catalogueEdition.findUniqueOrThrow({ where: { id: editionId }, select: { title: true, description: true } }),
      save: (expectedStamp, v) => updateEditionAction({ id: editionId, title: `编辑戳测试版本 第${v}稿 ${editionId}`, description: `说明${v}`, expectedStamp }),
    });

    const powerType = await prisma.dictionaryEntry.findFirstOrThrow({ where: { kind: "POWER_TYPE", active: true } });
    const item = await createItemAction({ editionId, name: "编辑戳测试事项", powerTypeId: powerType.id });
    if (!item.ok) throw new Error(item.message);
    await expectStaleRefused({
      stamp: async () => stampOf((await prisma.catalogueItem.findUniqueOrThrow({ where: { id: item.data.id } })).updatedAt),
      read: () => prisma.catalogueItem.findUniqueOrThrow({ where: { id: item.data.id }, select: { name: true, legalBasis: true } }),
      save: (expectedStamp, v) => updateItemAction({ id: item.data.id, name: `编辑戳测试事项 第${v}稿`, powerTypeId: powerType.id, legalBasis: `依据${v}`, expectedStamp }),
    });
  });

  it("dictionary entries", async () => {
    await actAs("bianban");
    const entry = await prisma.dictionaryEntry.findFirstOrThrow({ where: { kind: "DOMAIN", active: true }, orderBy: { id: "desc" } });
    await expectStaleRefused({
      stamp: async () => stampOf((await prisma.dictionaryEntry.findUniqueOrThrow({ where: { id: entry.id } })).updatedAt),
      read: () => prisma.dictionaryEntry.findUniqueOrThrow({ where: { id: entry.id }, select: { name: true, synonyms: true } }),
      save: (expectedStamp, v) => updateEntryAction({ id: entry.id, name: entry.name, synonyms: [`编辑戳别名${v}`], expectedStamp }),
    });
  });

  it("units and users", async () => {
    await actAs("admin");
    const unit = await prisma.orgUnit.findUniqueOrThrow({ where: { id: await unitId("示例市司法局") } });
    await expectStaleRefused({
      stamp: async () => stampOf((await prisma.orgUnit.findUniqueOrThrow({ where: { id: unit.id } })).updatedAt),
      read: () => prisma.orgUnit.findUniqueOrThrow({ where: { id: unit.id }, select: { name: true, shortName: true, code: true } }),
      save: (expectedStamp, v) =>
        updateUnitAction({ id: unit.id, name: unit.name, shortName: `司法${v}`, code: unit.code ?? undefined, jointMeetingMember: unit.jointMeetingMember, expectedStamp }),
    });

    const user = await createTestUser({ unit: "示例市司法局", roles: ["DEPARTMENT"] });
    await expectStaleRefused({
      stamp: async () => stampOf((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).updatedAt),
      read: () => prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { displayName: true, phone: true } }),
      save: (expectedStamp, v) => updateUserAction({ id: user.id, displayName: `编辑戳测试 ${v}`, unitId: user.unitId, roles: ["DEPARTMENT"], phone: "", expectedStamp }),
    });
  });

  it("list categories", async () => {
    await actAs("bianban");
    const created = await createCategoryAction({ name: `戳${Date.now() % 100000}` });
    if (!created.ok) throw new Error(created.message);
    const id = created.data.id;
    await expectStaleRefused({
      stamp: async () => stampOf((await prisma.powerListCategory.findUniqueOrThrow({ where: { id } })).updatedAt),
      read: () => prisma.powerListCategory.findUniqueOrThrow({ where: { id }, select: { name: true } }),
      save: (expectedStamp, v) => renameCategoryAction({ id, name: `编辑戳分类${v}${id}`, expectedStamp }),
    });
  });

  it("evaluation indicators and the round's deadline", async () => {
    await actAs("bianban");
    const year = 2090 + (Date.now() % 9);
    const round = await createEvaluationRoundAction({ year, title: "编辑戳测试考评", closesOn: `${year}-12-01` });
    if (!round.ok) throw new Error(round.message);
    const roundId = round.data.id;
    const stamp = async () => stampOf((await prisma.evaluationRound.findUniqueOrThrow({ where: { id: roundId } })).updatedAt);
    const indicators = (v: number) => [
      { name: `工作配合${v}`, description: "", weight: 60, scaleMin: 0, scaleMax: 100 },
      { name: `工作实效${v}`, description: "", weight: 40, scaleMin: 0, scaleMax: 100 },
    ];
    await expectStaleRefused({
      stamp,
      read: () => prisma.evaluationIndicator.findMany({ where: { roundId }, orderBy: { sortOrder: "asc" }, select: { name: true, weight: true } }),
      save: (expectedStamp, v) => saveIndicatorsAction({ roundId, indicators: indicators(v), expectedStamp }),
    });
    await expectStaleRefused({
      stamp,
      read: () => prisma.evaluationRound.findUniqueOrThrow({ where: { id: roundId }, select: { closesOn: true } }),
      save: (expectedStamp, v) => setEvaluationDeadlineAction({ roundId, closesOn: `${year}-12-0${v + 1}`, expectedStamp }),
    });
  });

  it("calendar days", async () => {
    await actAs("bianban");
    const date = "2088-05-06";
    const at = new Date(`${date}T00:00:00Z`);
    expect(await setCalendarDayAction({ date, kind: "HOLIDAY", name: "测试假日", expectedStamp: "" })).toMatchObject({ ok: true });
    // A second editor who also saw the day unset cannot overwrite it.
    expect(await setCalendarDayAction({ date, kind: "WORKDAY", name: "测试调休", expectedStamp: "" })).toMatchObject({ ok: false, code: "CONFLICT", message: expect.stringMatching(STALE) });
    await expectStaleRefused({
      stamp: async () => stampOf((await prisma.workCalendarDay.findUniqueOrThrow({ where: { date: at } })).updatedAt),
      read: () => prisma.workCalendarDay.findUniqueOrThrow({ where: { date: at }, select: { kind: true, name: true } }),
      save: (expectedStamp, v) => setCalendarDayAction({ date, kind: "HOLIDAY", name: `测试假日${v}`, expectedStamp }),
    });
  });

  it("local duties (their content stamp)", async () => {
    await actAs("bianban");
    const fields = (v: number) => ({
      dutyType: "城市管理",
      name: `编辑戳测试属地事项${Date.now() % 100000}`,
      departmentName: "示例市城市管理综合执法局",
      departmentDuty: "制定标准。",
      localDuty: `日常巡查 ${v}`,
      legalBasis: "《城市市容和环境卫生管理条例》第十条",
      leadResponsibility: "区城管局",
      supportResponsibility: "街道办事处",
    });
    const added = await addDutyAction({ unitId: await unitId("东湖街道办事处"), ...fields(0) });
    if (!added.ok) throw new Error(added.message);
    const id = added.data.id;
    const name = fields(0).name;
    await expectStaleRefused({
      stamp: async () => dutyStamp(await prisma.localDuty.findUniqueOrThrow({ where: { id } })),
      read: () => prisma.localDuty.findUniqueOrThrow({ where: { id }, select: { localDuty: true } }),
      save: (stamp, v) => updateDutyAction({ id, stamp, ...fields(v), name }),
    });
  });
});
