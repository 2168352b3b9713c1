import { beforeAll, describe, expect, it } from "vitest";
import { createUnitAction, moveUnitAction, setUnitActiveAction, updateUnitAction } from "@/lib/units/actions";
import { createUserAction, resetUserPasswordAction, setUserActiveAction, updateUserAction } from "@/lib/users/actions";
import { stampOf } from "@/lib/edit-stamp";
import {
  changePairsAction,
  closeEvaluationRoundAction,
  createEvaluationRoundAction,
  deleteDraftEvaluationRoundAction,
  openEvaluationRoundAction,
  remindEvaluationRatersAction,
  setUnitPairsAction,
} from "@/lib/evaluation/actions";
import { listRounds, resultsView } from "@/lib/evaluation/queries";
import { auditForExport, listAudit } from "@/lib/audit/queries";
import { closeAppraisalRoundAction, createSurveyLinkAction, openAppraisalRoundAction } from "@/lib/appraisal/actions";
import { roundResults, rounds } from "@/lib/appraisal/queries";
import { auditFilterSchema } from "@/lib/audit/schema";
import { RENAMED_SUBJECT_TYPES } from "@/lib/audit/events";
import { commentAction, openDevolutionRoundAction } from "@/lib/devolution/actions";
import { actAs, createTestUser, prisma, unitId } from "./helpers";

// Issue 13: a district 编办 administers its own area: units, accounts, 评议 and 考评 rounds, and
// reads the audit log of its area.


const successes = () => prisma.auditLog.count({ where: { outcome: "SUCCESS" } });

describe("a district 编办's units and accounts", () => {
  it("creates a community under one of its streets and an account for it", async () => {
    await actAs("donghu");
    const street = await unitId("东湖街道办事处");
    const created = await createUnitAction({ name: "东湖新月社区", kind: "COMMUNITY", parentId: street });
    if (!created.ok) throw new Error(created.message);
    expect(await prisma.orgUnit.findUniqueOrThrow({ where: { id: created.data.id } })).toMatchObject({ parentId: street, kind: "COMMUNITY" });
    // A new session reads the grown area (lib/auth/queries.ts).
    await actAs("donghu");
    const account = await createUserAction({ username: "xinyue", displayName: "新月社区", unitId: created.data.id, roles: ["COMMUNITY"] });
    if (!account.ok) throw new Error(account.message);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: account.data.id } })).toMatchObject({ unitId: created.data.id, roles: ["COMMUNITY"], mustChangePassword: true });
    // It edits, renames, disables and resets them too.
    const unit = await prisma.orgUnit.findUniqueOrThrow({ where: { id: created.data.id } });
    expect(await updateUnitAction({ id: unit.id, name: "东湖新月社区居委会", shortName: "", code: "", jointMeetingMember: false, expectedStamp: stampOf(unit.updatedAt) })).toMatchObject({ ok: true });
    expect(await resetUserPasswordAction({ id: account.data.id })).toMatchObject({ ok: true });
    expect(await setUserActiveAction({ id: account.data.id, active: false })).toMatchObject({ ok: true });
    // And its own 编办's staff.
    expect(await createUserAction({ username: "donghu-staff", displayName: "区编办科员", unitId: await unitId("东湖区委编办"), roles: ["BIANBAN_STAFF"] })).toMatchObject({ ok: true });
  });

  it("refuses units outside its district, and the district's own place, in Chinese, changing nothing", async () => {
    await actAs("donghu");
    const city = (await prisma.orgUnit.findFirstOrThrow({ where: { kind: "CITY" } })).id;
    const west = await prisma.orgUnit.findUniqueOrThrow({ where: { id: await unitId("凤凰街道办事处") } });
    const district = await prisma.orgUnit.findUniqueOrThrow({ where: { id: await unitId("东湖区") } });
    const bianban = await prisma.orgUnit.findUniqueOrThrow({ where: { id: await unitId("东湖区委编办") } });
    const before = { audit: await successes(), units: await prisma.orgUnit.count() };

    const underWest = await createUnitAction({ name: "越界社区", kind: "COMMUNITY", parentId: west.id });
    expect(underWest).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!underWest.ok) expect(underWest.fieldErrors?.parentId).toContain("凤凰街道办事处不在本辖区内");
    const sibling = await createUnitAction({ name: "东湖新区", kind: "DISTRICT", parentId: city });
    expect(sibling).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!sibling.ok) expect(sibling.message).toMatch(/[\u4e00-\u9fa5]/);
    const topLevel = await createUnitAction({ name: "无上级街道", kind: "STREET", parentId: null });
    expect(topLevel).toMatchObject({ ok: false, code: "VALIDATION" });
    // A second 编办 in its district is the city's to set up.
    expect(await createUnitAction({ name: "东湖区第二编办", kind: "BIANBAN", parentId: district.id })).toMatchObject({ ok: false, code: "VALIDATION" });

    const edit = (u: typeof west) => updateUnitAction({ id: u.id, name: `${u.name}改`, shortName: "", code: "", jointMeetingMember: false, expectedStamp: stampOf(u.updatedAt) });
    for (const u of [west, district, bianban]) {
      const r = await edit(u);
      expect(r, u.name).toMatchObject({ ok: false, code: "FORBIDDEN" });
      if (!r.ok) expect(r.message).toContain(u.name);
    }
    expect(await setUnitActiveAction({ id: west.id, active: false })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await moveUnitAction({ id: west.id, parentId: district.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    // Its own street cannot leave for the other district.
    expect(await moveUnitAction({ id: await unitId("北门街道办事处"), parentId: await unitId("西山县") })).toMatchObject({ ok: false, code: "VALIDATION" });

    expect(await successes()).toBe(before.audit);
    expect(await prisma.orgUnit.count()).toBe(before.units);
    for (const u of [west, district, bianban]) expect(await prisma.orgUnit.findUniqueOrThrow({ where: { id: u.id } })).toMatchObject({ name: u.name, active: true, parentId: u.parentId });
  });

  it("refuses accounts outside its district and the roles the city grants, changing nothing", async () => {
    await actAs("donghu");
    const before = { audit: await successes(), users: await prisma.user.count() };
    const westAccount = await createUserAction({ username: "yuejie1", displayName: "越界", unitId: await unitId("凤凰街道办事处"), roles: ["STREET"] });
    expect(westAccount).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!westAccount.ok) expect(westAccount.fieldErrors?.unitId).toBe("凤凰街道办事处不在本辖区内，区县编办只能为本辖区的单位设立账号。");
    const cityAccount = await createUserAction({ username: "yuejie2", displayName: "越界", unitId: await unitId("示例市委编办"), roles: ["BIANBAN_STAFF"] });
    expect(cityAccount).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!cityAccount.ok) expect(cityAccount.fieldErrors?.unitId).toContain("示例市委编办不在本辖区内");
    const admin = await createUserAction({ username: "yuejie3", displayName: "越权", unitId: await unitId("东湖区委编办"), roles: ["BIANBAN_ADMIN"] });
    expect(admin).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!admin.ok) expect(admin.fieldErrors?.roles).toBe("编办管理员账号由市编办设立和调整，区县编办不能授予或取消。");
    // Promoting its own staff is refused the same way.
    const staff = await createTestUser({ unit: "东湖区委编办", roles: ["BIANBAN_STAFF"] });
    const fresh = await prisma.user.findUniqueOrThrow({ where: { id: staff.id } });
    expect(await updateUserAction({ id: staff.id, displayName: "升任", unitId: staff.unitId, roles: ["BIANBAN_ADMIN"], expectedStamp: stampOf(fresh.updatedAt) })).toMatchObject({ ok: false, code: "VALIDATION" });
    // Another administrator of its own 编办 (appointed by the city) and any account of 西山县 it cannot touch.
    const peer = await createTestUser({ unit: "东湖区委编办", roles: ["BIANBAN_ADMIN"] });
    const westUser = await createTestUser({ unit: "凤凰街道办事处", roles: ["STREET"] });
    for (const id of [peer.id, westUser.id]) {
      expect(await setUserActiveAction({ id, active: false })).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await resetUserPasswordAction({ id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(await successes()).toBe(before.audit);
    expect(await prisma.user.count()).toBe(before.users + 3);
    for (const id of [peer.id, westUser.id, staff.id]) expect(await prisma.user.findUniqueOrThrow({ where: { id } })).toMatchObject({ active: true, mustChangePassword: false });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: staff.id } })).roles).toEqual(["BIANBAN_STAFF"]);

    // The city 编办 still does all of it.
    await actAs("admin");
    expect(await createUserAction({ username: "donghu-admin2", displayName: "区编办管理员", unitId: await unitId("东湖区委编办"), roles: ["BIANBAN_ADMIN"] })).toMatchObject({ ok: true });
  });
});

describe("双向考评 rounds of a district", () => {
  const year = 2031;
  let eastDept: number;
  let westDept: number;
  let roundId: number;
  beforeAll(async () => {
    eastDept = (await prisma.orgUnit.create({ data: { name: "东湖区城市管理局", kind: "DEPARTMENT", parentId: await unitId("东湖区") } })).id;
    westDept = (await prisma.orgUnit.create({ data: { name: "西山县城市管理局", kind: "DEPARTMENT", parentId: await unitId("西山县") } })).id;
  });

  it("lets a district 编办 create a round of its own district's streets and departments only", async () => {
    await actAs("donghu");
    const created = await createEvaluationRoundAction({ year, title: "东湖区2031年度区街双向考评", closesOn: "2099-12-31" });
    if (!created.ok) throw new Error(created.message);
    roundId = created.data.id;
    const round = await prisma.evaluationRound.findUniqueOrThrow({ where: { id: roundId } });
    expect(round.areaUnitId).toBe(await unitId("东湖区"));
    const pairs = await prisma.evaluationPair.findMany({ where: { roundId }, select: { raterUnitId: true, rateeUnitId: true } });
    const east = new Set((await actAs("donghu"))!.area!.unitIds);
    expect(pairs.length).toBeGreaterThan(0);
    for (const p of pairs) expect(east.has(p.raterUnitId) && east.has(p.rateeUnitId), JSON.stringify(p)).toBe(true);
    expect(pairs.some((p) => p.raterUnitId === eastDept)).toBe(true);

    // A participant outside the district is refused by name, and nothing changes.
    const before = { audit: await successes(), pairs: pairs.length };
    const refused = await setUnitPairsAction({ roundId, unitId: eastDept, direction: "RATES", counterpartIds: [await unitId("东湖街道办事处"), await unitId("凤凰街道办事处")] });
    expect(refused).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!refused.ok) expect(refused.message).toBe("凤凰街道办事处不参加本轮考评（东湖区），不能设为评价关系。");
    const westUnit = await setUnitPairsAction({ roundId, unitId: westDept, direction: "RATES", counterpartIds: [] });
    expect(westUnit).toMatchObject({ ok: false, code: "VALIDATION", message: "西山县城市管理局不参加本轮考评（东湖区）。" });
    const westDistrict = await changePairsAction({ roundId, op: "add", direction: "BOTH", districtId: await unitId("西山县") });
    expect(westDistrict).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!westDistrict.ok) expect(westDistrict.fieldErrors?.districtId).toBe("西山县不在本轮考评的范围（东湖区）内。");
    expect(await successes()).toBe(before.audit);
    expect(await prisma.evaluationPair.count({ where: { roundId } })).toBe(before.pairs);

    // It runs its round: open, and sees each rater's scores.
    expect(await openEvaluationRoundAction({ roundId })).toMatchObject({ ok: true });
    const me = await actAs("donghu");
    expect((await resultsView(me!, roundId))?.detail).toBe(true);
    expect((await listRounds(me!)).map((r) => r.id)).toContain(roundId);
  });

  it("keeps the round from the other district and labels it for the city 编办", async () => {
    const xishan = (await actAs("xishan"))!;
    expect((await listRounds(xishan)).map((r) => r.id)).not.toContain(roundId);
    expect(await resultsView(xishan, roundId)).toBeNull();
    const before = await successes();
    for (const r of [await closeEvaluationRoundAction({ roundId }), await remindEvaluationRatersAction({ roundId })]) {
      expect(r).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(await successes()).toBe(before);
    expect(await prisma.evaluationRound.findUniqueOrThrow({ where: { id: roundId } })).toMatchObject({ status: "OPEN" });
    // 西山县 runs a round of the same year for itself.
    const own = await createEvaluationRoundAction({ year, title: "西山县2031年度县乡双向考评", closesOn: "2099-12-31" });
    if (!own.ok) throw new Error(own.message);

    // The city 编办 sees every round with its district, may still run one of its own that year, and
    // a district 编办 cannot run the city's.
    const admin = (await actAs("admin"))!;
    const all = await listRounds(admin);
    expect(all.find((r) => r.id === roundId)?.areaUnit?.name).toBe("东湖区");
    expect(all.find((r) => r.id === own.data.id)?.areaUnit?.name).toBe("西山县");
    const city = await createEvaluationRoundAction({ year, title: "示例市2031年度双向考评", closesOn: "2099-12-31" });
    if (!city.ok) throw new Error(city.message);
    expect(await createEvaluationRoundAction({ year, title: "重复", closesOn: "2099-12-31" })).toMatchObject({ ok: false, code: "DUPLICATE" });
    expect((await resultsView(admin, roundId))?.detail).toBe(true);
    await actAs("donghu");
    expect(await deleteDraftEvaluationRoundAction({ roundId: city.data.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await listRounds((await actAs("donghu"))!)).map((r) => r.id)).not.toContain(city.data.id);
    expect(await prisma.evaluationRound.count({ where: { id: city.data.id } })).toBe(1);
  });
});

describe("the audit log of a district", () => {
  it("shows a district 编办 the city's entries about its district's objects, never about another district's", async () => {
    await actAs("admin");
    const east = await createUnitAction({ name: "南岸审计测试社区", kind: "COMMUNITY", parentId: await unitId("南岸街道办事处") });
    const west = await createUnitAction({ name: "凤凰审计测试社区", kind: "COMMUNITY", parentId: await unitId("凤凰街道办事处") });
    if (!east.ok || !west.ok) throw new Error("units not created");
    const eastAccount = await createTestUser({ unit: "南岸街道办事处", roles: ["STREET"] });
    expect(await resetUserPasswordAction({ id: eastAccount.id })).toMatchObject({ ok: true });

    const about = async (username: string, subjectType: string, id: number) =>
      (await listAudit(auditFilterSchema.parse({ subjectType, subjectId: String(id) }), (await actAs(username))!)).rows.map((r) => r.action);
    // A new session: the new community is in 东湖区's area now.
    expect(await about("donghu", "unit", east.data.id)).toEqual(["unit.create"]);
    expect(await about("donghu", "user", eastAccount.id)).toEqual(["user.resetPassword"]);
    expect(await about("donghu", "unit", west.data.id)).toEqual([]);
    expect(await about("xishan", "unit", west.data.id)).toEqual(["unit.create"]);
    expect(await about("xishan", "unit", east.data.id)).toEqual([]);
    expect(await about("xishan", "user", eastAccount.id)).toEqual([]);
    // The city 编办 reads all of it.
    expect(await about("admin", "unit", west.data.id)).toEqual(["unit.create"]);

    // Nothing in 东湖区's whole log was done by 西山县's people or concerns a 西山县 unit.
    const westUnits = new Set((await prisma.orgUnit.findMany({ where: { OR: [{ id: await unitId("西山县") }, { parent: { name: "西山县" } }, { parent: { parent: { name: "西山县" } } }] }, select: { id: true } })).map((u) => u.id));
    const rows = await prisma.auditLog.findMany({ where: { id: { in: (await listAudit(auditFilterSchema.parse({}), (await actAs("donghu"))!)).rows.map((r) => BigInt(r.id)) } }, select: { unitId: true, subjectType: true, subjectId: true } });
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.unitId != null && westUnits.has(r.unitId)).toBe(false);
      if (r.subjectType === "unit") expect(westUnits.has(Number(r.subjectId))).toBe(false);
    }
  });
});

/** Object ids (as the log stores them) of each subject kind in an area, read with Prisma: the expectation the SQL scoping is held to. */
type Owned = (units: number[], districtId: number) => Promise<string[]>;
const ids = (rows: { id: number }[]) => rows.map((r) => String(r.id));
/** Rounds of the district: every street in the area. */
const districtRounds = async (units: number[]) =>
  (await prisma.devolutionRound.findMany({ where: { streets: { some: { streetId: { in: units } }, every: { streetId: { in: units } } } }, select: { id: true } })).map((r) => r.id);
const OWNED: Record<string, Owned> = {
  unit: async (units) => units.map(String),
  localDutyList: async (units) => units.map(String),
  user: async (units) => ids(await prisma.user.findMany({ where: { unitId: { in: units } }, select: { id: true } })),
  catalogueEdition: async (_units, districtId) => ids(await prisma.catalogueEdition.findMany({ where: { areaUnitId: districtId }, select: { id: true } })),
  catalogueItem: async (_units, districtId) => ids(await prisma.catalogueItem.findMany({ where: { edition: { areaUnitId: districtId } }, select: { id: true } })),
  importSession: async (_units, districtId) => ids(await prisma.importSession.findMany({ where: { edition: { areaUnitId: districtId } }, select: { id: true } })),
  devolution_round: async (units) => (await districtRounds(units)).map(String),
  devolution_assignment: async (units) =>
    (await prisma.devolutionAssignment.findMany({ where: { roundId: { in: await districtRounds(units) } }, select: { roundId: true, itemId: true } })).map((a) => `${a.roundId}:${a.itemId}`),
  devolution: async (units) => ids(await prisma.devolution.findMany({ where: { streetId: { in: units } }, select: { id: true } })),
  confirmation_letter: async (units) => ids(await prisma.confirmationLetter.findMany({ where: { streetId: { in: units } }, select: { id: true } })),
  claim: async (units) => (await prisma.claim.findMany({ where: { streetId: { in: units } }, select: { streetId: true, itemId: true } })).map((c) => `${c.streetId}:${c.itemId}`),
  powerList: async (units) => ids(await prisma.powerList.findMany({ where: { unitId: { in: units } }, select: { id: true } })),
  powerListAdjustment: async (units) => ids(await prisma.powerListAdjustment.findMany({ where: { list: { unitId: { in: units } } }, select: { id: true } })),
  localDuty: async (units) => ids(await prisma.localDuty.findMany({ where: { unitId: { in: units } }, select: { id: true } })),
  typedList: async (units) => ids(await prisma.typedList.findMany({ where: { unitId: { in: units } }, select: { id: true } })),
  fundingDisbursement: async (units) => ids(await prisma.fundingDisbursement.findMany({ where: { localDuty: { unitId: { in: units } } }, select: { id: true } })),
  taskRegisterEntry: async (units) => ids(await prisma.taskRegisterEntry.findMany({ where: { unitId: { in: units } }, select: { id: true } })),
  appraisalRound: async (_units, districtId) => ids(await prisma.appraisalRound.findMany({ where: { areaUnitId: districtId }, select: { id: true } })),
  dispatch: async (units) => ids(await prisma.dispatch.findMany({ where: { streetId: { in: units } }, select: { id: true } })),
  admission: async (units) =>
    ids(await prisma.admission.findMany({ where: { OR: [{ applicantUnitId: { in: units } }, { targets: { some: { unitId: { in: units } } } }] }, select: { id: true } })),
  evaluationRound: async (_units, districtId) => ids(await prisma.evaluationRound.findMany({ where: { areaUnitId: districtId }, select: { id: true } })),
  evaluationSheet: async (units) => ids(await prisma.evaluationSheet.findMany({ where: { raterUnitId: { in: units } }, select: { id: true } })),
  filing: async (_units, districtId) => ids(await prisma.filing.findMany({ where: { districtId }, select: { id: true } })),
};

/** A copy of row `id` of `table` under a new id, with `changes`: an object like the seed's, placed elsewhere. */
async function twin(table: string, id: number, changes: Record<string, unknown>): Promise<number> {
  const [row] = await prisma.$queryRawUnsafe<{ id: number }[]>(
    `INSERT INTO ${table} SELECT (jsonb_populate_record(NULL::${table}, to_jsonb(o) || $2::jsonb || jsonb_build_object('id', nextval(pg_get_serial_sequence('${table}', 'id'))))).*
     FROM ${table} o WHERE o.id = $1 RETURNING id`,
    id,
    JSON.stringify(changes),
  );
  return row.id;
}

describe("the audit log of a district, scoped in the database", () => {
  const CITY_ACTOR = "市编办审计范围测试";
  async function areaOf(username: string) {
    const user = (await actAs(username))!;
    return { user, units: user.area!.unitIds, districtId: user.area!.districtId };
  }

  beforeAll(async () => {
    // The seed has some kinds of object in one district only, or in the city's hands only: each
    // district gets its own (through the commands where they are simple, else as a copy).
    const admin = await prisma.user.findUniqueOrThrow({ where: { username: "admin" }, select: { id: true } });
    const edition = await prisma.catalogueEdition.findFirstOrThrow({ where: { kind: "GUIDANCE", status: "ISSUED", areaUnitId: null }, select: { id: true } });
    for (const [username, district, name] of [["donghu", "东湖区", "审计新城街道办事处"], ["xishan", "西山县", "审计新港镇人民政府"]]) {
      const street = await prisma.orgUnit.create({ data: { name, kind: "STREET", parentId: await unitId(district) } });
      await actAs(username);
      for (const r of [
        await createEvaluationRoundAction({ year: 2032, title: `${district}2032年度双向考评`, closesOn: "2099-12-31" }),
        await openAppraisalRoundAction({ year: 2032, closesOn: "2099-12-31" }),
        await openDevolutionRoundAction({ title: `${district}审计测试承接确认`, editionId: edition.id, deadline: "2099-12-31", streetIds: [street.id], documentPrefix: "审计编赋" }),
      ]) {
        if (!r.ok) throw new Error(r.message);
      }
    }
    const east = await areaOf("donghu");
    const westStreet = await unitId("凤凰街道办事处");
    const westDistrict = await unitId("西山县");
    const of = async <T extends { id: number }>(rows: Promise<T | null>) => (await rows)!.id;
    const eastUnits = { in: east.units };
    const westDuty = await twin("local_duty", await of(prisma.localDuty.findFirst({ where: { unitId: eastUnits } })), { unit_id: westStreet });
    await twin("typed_list", await of(prisma.typedList.findFirst({ where: { unitId: eastUnits } })), { unit_id: westStreet, current_version_id: null });
    await twin("dispatch", await of(prisma.dispatch.findFirst({ where: { streetId: eastUnits } })), { street_id: westStreet, code: "审计测试-西山-1" });
    await twin("task_register_entry", await of(prisma.taskRegisterEntry.findFirst({ where: { unitId: eastUnits } })), { unit_id: westStreet });
    await twin("filing", await of(prisma.filing.findFirst({ where: { districtId: east.districtId } })), { district_id: westDistrict, subject_id: 999_999 });
    const eastEdition = await of(prisma.catalogueEdition.findFirst({ where: { areaUnitId: east.districtId } }));
    const westEdition = await twin("catalogue_edition", eastEdition, { area_unit_id: westDistrict, title: "西山县审计测试指导清单", status: "DRAFT" });
    await twin("catalogue_item", await of(prisma.catalogueItem.findFirst({ where: { editionId: eastEdition } })), { edition_id: westEdition });
    const westList = await prisma.powerList.findFirstOrThrow({ where: { unit: { parent: { name: "西山县" } }, currentVersionId: { not: null } }, select: { id: true, unitId: true, currentVersionId: true } });
    await twin("power_list_adjustment", await of(prisma.powerListAdjustment.findFirst({ where: { list: { unitId: eastUnits } } })), {
      list_id: westList.id,
      base_version_id: westList.currentVersionId,
      applicant_unit_id: westList.unitId,
    });
    const eastDuty = await of(prisma.localDuty.findFirst({ where: { unitId: eastUnits } }));
    for (const [localDutyId, editionId] of [[eastDuty, eastEdition], [westDuty, westEdition]]) {
      await prisma.fundingDisbursement.create({ data: { localDutyId, year: 2032, paidOn: new Date("2032-01-05"), amountFen: 100n, documentNumber: "审计测试拨付", recordedByName: "测试" } });
      await prisma.importSession.create({ data: { editionId, createdById: admin.id, fileName: "审计测试.xlsx", size: 1, sha256: "0", bytes: Buffer.from("0"), expiresAt: new Date("2099-01-01") } });
    }
  });

  it("shows a district 编办 the city's entries about each kind of its objects, never about the other district's", async () => {
    const east = await areaOf("donghu");
    const west = await areaOf("xishan");
    const cityUnit = await unitId("示例市委编办");
    const entries: { type: string; eastId: string; westId: string }[] = [];
    for (const [type, owned] of Object.entries(OWNED)) {
      const [eastIds, westIds] = [await owned(east.units, east.districtId), await owned(west.units, west.districtId)];
      expect(eastIds.length, `${type} in 东湖区`).toBeGreaterThan(0);
      expect(westIds.length, `${type} in 西山县`).toBeGreaterThan(0);
      expect(eastIds.filter((id) => westIds.includes(id)), type).toEqual([]);
      entries.push({ type, eastId: eastIds[0], westId: westIds[0] });
    }
    // Every kind the shared scoping knows is covered here.
    expect(entries.map((e) => e.type).sort()).toEqual(Object.keys(OWNED).sort());
    await prisma.auditLog.createMany({
      data: entries.flatMap((e) => [
        { actorName: CITY_ACTOR, unitId: cityUnit, action: "test.east", subjectType: e.type, subjectId: e.eastId },
        { actorName: CITY_ACTOR, unitId: cityUnit, action: "test.west", subjectType: e.type, subjectId: e.westId },
      ]),
    });
    const seen = async (viewer?: typeof east.user) =>
      (await listAudit(auditFilterSchema.parse({ actor: CITY_ACTOR }), viewer)).rows.map((r) => `${r.action} ${r.subjectType}`).sort();
    expect(await seen(east.user)).toEqual(entries.map((e) => `test.east ${e.type}`).sort());
    expect(await seen(west.user)).toEqual(entries.map((e) => `test.west ${e.type}`).sort());
    expect(await seen()).toHaveLength(entries.length * 2);
  });

  it("shows 东湖区 the city 编办's comment on a 东湖区 street's devolution decision, not on a 西山县 street's", async () => {
    const round = await prisma.devolutionRound.findFirstOrThrow({ where: { title: "示例市2026年街道（乡镇）赋权承接确认" }, select: { id: true } });
    const rowOf = (street: string) => prisma.devolution.findFirstOrThrow({ where: { roundId: round.id, street: { name: street }, lockedAt: null }, select: { id: true } });
    const [eastRow, westRow] = [await rowOf("东湖街道办事处"), await rowOf("凤凰街道办事处")];
    await actAs("admin");
    for (const row of [eastRow, westRow]) expect(await commentAction({ id: row.id, body: "请再核实承接条件。" })).toMatchObject({ ok: true });
    const comments = async (username: string) =>
      (await listAudit(auditFilterSchema.parse({ action: "devolution.comment" }), (await actAs(username))!)).rows.map((r) => Number(r.subjectId));
    expect(await comments("donghu")).toContain(eastRow.id);
    expect(await comments("donghu")).not.toContain(westRow.id);
    expect(await comments("xishan")).toContain(westRow.id);
    expect(await comments("xishan")).not.toContain(eastRow.id);
  });

  it("shows a district 编办 exactly its own people's entries and those about its objects, over the whole log", async () => {
    for (const username of ["donghu", "xishan"]) {
      const { user, units, districtId } = await areaOf(username);
      const about = new Map<string, Set<string>>();
      for (const [type, owned] of Object.entries(OWNED)) about.set(type, new Set(await owned(units, districtId)));
      const log = await prisma.auditLog.findMany({ select: { id: true, unitId: true, subjectType: true, subjectId: true } });
      const expected = log
        .filter((r) => (r.unitId != null && units.includes(r.unitId)) || (r.subjectType && r.subjectId && about.get(RENAMED_SUBJECT_TYPES[r.subjectType] ?? r.subjectType)?.has(r.subjectId)))
        .map((r) => String(r.id));
      const { rows, truncated } = await auditForExport(auditFilterSchema.parse({}), user);
      expect(truncated).toBe(false);
      expect(expected.length, username).toBeGreaterThan(50);
      expect(rows.map((r) => String(r.id)).sort(), username).toEqual(expected.sort());
      expect((await listAudit(auditFilterSchema.parse({}), user)).total).toBe(expected.length);
    }
  });
});

describe("评议 rounds of a district", () => {
  it("lets a district 编办 open and run a round of its own district's duties; the other district neither sees nor touches it", async () => {
    const cityRound = await prisma.appraisalRound.findFirstOrThrow({ where: { areaUnitId: null, status: "OPEN" } });
    const donghu = (await actAs("donghu"))!;
    const opened = await openAppraisalRoundAction({ year: cityRound.year, closesOn: "2099-12-31" });
    if (!opened.ok) throw new Error(opened.message);
    const round = await prisma.appraisalRound.findUniqueOrThrow({ where: { id: opened.data.id } });
    expect(round).toMatchObject({ areaUnitId: await unitId("东湖区"), title: `${cityRound.year}年度东湖区准入事项评议` });
    expect(await openAppraisalRoundAction({ year: cityRound.year, closesOn: "2099-12-31" })).toMatchObject({ ok: false, code: "DUPLICATE" });
    const results = (await roundResults(round.id, donghu.area!.unitIds))!;
    expect(results.rows.length).toBeGreaterThan(0);
    const east = new Set(donghu.area!.unitIds);
    expect(results.rows.every((r) => east.has(r.unitId))).toBe(true);

    // Survey links: its own streets, never another district's (refused by name, nothing written).
    const before = { audit: await successes(), links: await prisma.appraisalSurveyLink.count() };
    const west = await createSurveyLinkAction({ roundId: round.id, unitId: await unitId("凤凰街道办事处"), label: "居民代表" });
    expect(west).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!west.ok) expect(west.fieldErrors?.unitId).toBe("凤凰街道办事处不在本轮评议的范围内。");
    // The city's round is the city 编办's to run.
    expect(await closeAppraisalRoundAction({ roundId: cityRound.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await createSurveyLinkAction({ roundId: cityRound.id, unitId: await unitId("东湖街道办事处"), label: "居民代表" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await successes()).toBe(before.audit);
    expect(await prisma.appraisalSurveyLink.count()).toBe(before.links);
    expect(await createSurveyLinkAction({ roundId: round.id, unitId: await unitId("东湖街道办事处"), label: "居民代表" })).toMatchObject({ ok: true });
    expect((await rounds(donghu)).map((r) => r.id)).toEqual(expect.arrayContaining([round.id, cityRound.id]));

    const xishan = (await actAs("xishan"))!;
    expect((await rounds(xishan)).map((r) => r.id)).not.toContain(round.id);
    expect(await roundResults(round.id, xishan.area!.unitIds)).toBeNull();
    const audit = await successes();
    expect(await closeAppraisalRoundAction({ roundId: round.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await createSurveyLinkAction({ roundId: round.id, unitId: await unitId("凤凰街道办事处"), label: "居民代表" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await successes()).toBe(audit);
    expect(await prisma.appraisalRound.findUniqueOrThrow({ where: { id: round.id } })).toMatchObject({ status: "OPEN" });

    // The city 编办 sees both rounds, each with its district.
    const all = await rounds((await actAs("admin"))!);
    expect(all.find((r) => r.id === round.id)?.areaUnit?.name).toBe("东湖区");
    expect(all.find((r) => r.id === cityRound.id)?.areaUnit).toBeNull();
  });
});
