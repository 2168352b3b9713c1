import { beforeAll, describe, expect, it } from "vitest";
import { can } from "@/lib/auth/policy";
import { listSubject } from "@/lib/lists/commands";
import { admissionSubject } from "@/lib/admission/commands";
import { dispatchSubject } from "@/lib/dispatch/commands";
import { letterSubject } from "@/lib/devolution/commands";
import { viewScope } from "@/lib/devolution/policy";
import { listDevolutionRounds, roundDashboard } from "@/lib/devolution/queries";
import { listsFor } from "@/lib/lists/queries";
import { adjustmentsFor } from "@/lib/adjustments/queries";
import { admissionQueue } from "@/lib/admission/queries";
import { queueFilterSchema } from "@/lib/admission/schema";
import { listDispatches, scopeFor as dispatchScope } from "@/lib/dispatch/queries";
import { listFilterSchema } from "@/lib/dispatch/schema";
import { listUsers, getUser } from "@/lib/users/queries";
import { userFilterSchema } from "@/lib/users/schema";
import { unitTree, getUnit, districtOverview } from "@/lib/units/queries";
import { listAudit } from "@/lib/audit/queries";
import { auditFilterSchema } from "@/lib/audit/schema";
import { todosFor } from "@/lib/todo";
import { createUserAction, setUserActiveAction, updateUserAction } from "@/lib/users/actions";
import { initialReviewAction } from "@/lib/admission/actions";
import { arbitrateAction, assignItemsAction, closeDevolutionRoundAction, commentAction, openDevolutionRoundAction } from "@/lib/devolution/actions";
import { streetChoices } from "@/lib/devolution/queries";
import { devolutionTodos } from "@/lib/devolution/queries/todo";
import { createListAction, returnListAction } from "@/lib/lists/actions";
import { addDutyAction, publishDutiesAction, removeDutyAction } from "@/lib/local-duties/actions";
import { dutyStamp } from "@/lib/local-duties/commands";
import { localDutyTodos, unitsPendingPublication } from "@/lib/local-duties/queries";
import { disburseAction } from "@/lib/funding/actions";
import { fundingLedger } from "@/lib/funding/queries";
import { today as chinaToday } from "@/lib/dates";
import { refuseTaskAction, registerTaskAction } from "@/lib/refusals/actions";
import { registerEntries } from "@/lib/refusals/queries";
import { registerFilterSchema } from "@/lib/refusals/schema";
import type { SessionUser } from "@/lib/auth/types";
import { actAs, createTestUser, prisma, unitId } from "./helpers";


/** Acts as a demo account and returns its session user. */
async function as(username: string): Promise<SessionUser> {
  return (await actAs(username))!;
}

/** The ids of a district and every unit beneath it, read independently of lib/auth/scope.ts. */
async function subtree(name: string) {
  const root = await unitId(name);
  const ids = new Set([root]);
  for (let level = 0; level < 4; level++) {
    for (const u of await prisma.orgUnit.findMany({ where: { parentId: { in: [...ids] } }, select: { id: true } })) ids.add(u.id);
  }
  return ids;
}

describe("district 编办s (issue 13)", () => {
  let donghu: SessionUser;
  let east: Set<number>;
  let west: Set<number>;
  beforeAll(async () => {
    donghu = await as("donghu");
    east = await subtree("东湖区");
    west = await subtree("西山县");
  });

  it("gives a district 编办 its district as area and the city 编办 the whole city", async () => {
    expect(donghu.area?.districtId).toBe(await unitId("东湖区"));
    expect(new Set(donghu.area?.unitIds)).toEqual(east);
    expect((await as("xishan")).area?.districtId).toBe(await unitId("西山县"));
    expect((await as("admin")).area ?? null).toBeNull();
    expect((await as("jiedao")).area ?? null).toBeNull();
  });

  it("refuses 东湖区's 编办 every object of 西山县, in every area, and allows its own", async () => {
    await as("donghu");
    const westList = await prisma.powerList.findFirstOrThrow({ where: { unitId: { in: [...west] } }, select: { id: true } });
    const eastList = await prisma.powerList.findFirstOrThrow({ where: { unitId: { in: [...east] } }, select: { id: true } });
    expect(can(donghu, "list.read", (await listSubject(prisma, westList.id)) as never)).toBe(false);
    expect(can(donghu, "list.read", (await listSubject(prisma, eastList.id)) as never)).toBe(true);

    const westAdmission = await prisma.admission.findFirstOrThrow({ where: { targets: { every: { unitId: { in: [...west] } }, some: {} } }, select: { id: true } });
    expect(can(donghu, "admission.read", (await admissionSubject(prisma, westAdmission.id)) as never)).toBe(false);
    const eastAdmission = await prisma.admission.findFirstOrThrow({ where: { targets: { some: { unitId: { in: [...east] } } } }, select: { id: true } });
    expect(can(donghu, "admission.read", (await admissionSubject(prisma, eastAdmission.id)) as never)).toBe(true);

    const westLetter = await prisma.confirmationLetter.findFirstOrThrow({ where: { streetId: { in: [...west] } }, select: { id: true } });
    expect(can(donghu, "devolution.read", (await letterSubject({ letterId: westLetter.id }, prisma)) as never)).toBe(false);
    const eastLetter = await prisma.confirmationLetter.findFirstOrThrow({ where: { streetId: { in: [...east] } }, select: { id: true } });
    expect(can(donghu, "devolution.read", (await letterSubject({ letterId: eastLetter.id }, prisma)) as never)).toBe(true);

    const westCase = await prisma.dispatch.findFirst({ where: { streetId: { in: [...west] } }, select: { id: true } });
    if (westCase) expect(can(donghu, "dispatch.read", (await dispatchSubject(prisma, westCase.id)) as never)).toBe(false);

    // The city's own things stay with the city 编办.
    for (const p of ["catalogue.issue", "catalogue.import", "dictionary.manage", "calendar.manage", "listCategory.manage", "listType.manage"] as const) {
      expect(can(donghu, p), p).toBe(false);
    }
  });

  it("refuses 西山县's objects through the actions and changes nothing", async () => {
    await as("donghu");
    const westUser = await createTestUser({ unit: "凤凰街道办事处", roles: ["STREET"] });
    const westRow = await prisma.devolution.findFirstOrThrow({ where: { streetId: { in: [...west] } }, select: { id: true } });
    const westAdmission = await prisma.admission.findFirstOrThrow({ where: { status: "SUBMITTED", targets: { every: { unitId: { in: [...west] } }, some: {} } }, select: { id: true } }).catch(() => null);
    const westList = await prisma.powerList.findFirstOrThrow({ where: { unitId: { in: [...west] }, status: "IN_REVIEW" }, select: { id: true, version: true } });
    const before = { audit: await prisma.auditLog.count({ where: { outcome: "SUCCESS" } }), comments: await prisma.devolutionComment.count() };

    expect(await updateUserAction({ id: westUser.id, displayName: "改名", unitId: westUser.unitId, roles: ["STREET"] })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await setUserActiveAction({ id: westUser.id, active: false })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await createUserAction({ username: "donghu2", displayName: "新人", unitId: await unitId("凤凰街道办事处"), roles: ["STREET"] })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await commentAction({ id: westRow.id, body: "越界留言" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await returnListAction({ listId: westList.id, version: westList.version, reason: "越界退回" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    if (westAdmission) expect(await initialReviewAction({ id: westAdmission.id, decision: "RETURN", comment: "越界" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    // A district 编办 cannot move its own district's account into the other district either.
    const eastUser = await createTestUser({ unit: "南岸街道办事处", roles: ["STREET"] });
    expect(await updateUserAction({ id: eastUser.id, displayName: "南岸", unitId: await unitId("凤凰街道办事处"), roles: ["STREET"] })).toMatchObject({ ok: false, code: "VALIDATION" });

    expect(await prisma.auditLog.count({ where: { outcome: "SUCCESS" } })).toBe(before.audit);
    expect(await prisma.devolutionComment.count()).toBe(before.comments);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: westUser.id } })).toMatchObject({ active: true, displayName: westUser.displayName });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: eastUser.id } })).toMatchObject({ unitId: eastUser.unitId });
  });

  it("shows 东湖区's 编办 only its own district in every list it reads", async () => {
    const me = await as("donghu");
    const inEast = (id: number | null | undefined) => id != null && east.has(id);

    const lists = await listsFor(me, { page: 1 });
    expect(lists.rows.length).toBeGreaterThan(0);
    expect(lists.rows.every((l) => inEast(l.unit.id))).toBe(true);
    const cityLists = await listsFor(await as("admin"), { page: 1 });
    expect(cityLists.rows.some((l) => west.has(l.unit.id))).toBe(true);

    const adjustments = await adjustmentsFor(me, { page: 1 });
    const adjustedLists = await prisma.powerList.findMany({ where: { adjustments: { some: { id: { in: adjustments.rows.map((r) => r.id) } } } }, select: { unitId: true } });
    expect(adjustedLists.every((l) => inEast(l.unitId))).toBe(true);

    const admissions = await admissionQueue(me, queueFilterSchema.parse({}));
    expect(admissions.rows.length).toBeGreaterThan(0);
    const admissionTargets = await prisma.admission.findMany({ where: { id: { in: admissions.rows.map((r) => r.id) } }, select: { applicantUnitId: true, targets: { select: { unitId: true } } } });
    expect(admissionTargets.every((a) => inEast(a.applicantUnitId) || a.targets.some((t) => inEast(t.unitId)))).toBe(true);
    const all = await admissionQueue(await as("admin"), queueFilterSchema.parse({}));
    expect(all.total).toBeGreaterThan(admissions.total);

    const cases = await listDispatches(dispatchScope(me), listFilterSchema.parse({}));
    const caseStreets = await prisma.dispatch.findMany({ where: { id: { in: cases.rows.map((r) => r.id) } }, select: { streetId: true } });
    expect(caseStreets.every((c) => inEast(c.streetId))).toBe(true);

    const users = await listUsers(userFilterSchema.parse({}), new Date(), me);
    expect(users.total).toBeGreaterThan(0);
    expect(users.rows.every((u) => inEast(u.unit.id))).toBe(true);
    expect(await getUser((await prisma.user.findUniqueOrThrow({ where: { username: "xishan" } })).id, me)).toBeNull();

    const units = await unitTree({ includeInactive: true, viewer: me });
    expect(new Set(units.map((u) => u.id))).toEqual(east);
    expect(await getUnit(await unitId("凤凰街道办事处"), me)).toBeNull();
    expect(await getUnit(await unitId("东湖街道办事处"), me)).not.toBeNull();

    const audit = await listAudit(auditFilterSchema.parse({}), me);
    const auditUnits = await prisma.auditLog.findMany({ where: { id: { in: audit.rows.map((r) => BigInt(r.id)) } }, select: { unitId: true } });
    // Its own people's entries, and others' about its objects (district-admin.test.ts); never 西山县's people's.
    expect(auditUnits.some((r) => inEast(r.unitId))).toBe(true);
    expect(auditUnits.some((r) => r.unitId != null && west.has(r.unitId))).toBe(false);

    const scope = viewScope(me)!;
    expect(scope).toMatchObject({ kind: "all" });
    const round = await prisma.devolutionRound.findFirstOrThrow({ where: { title: "示例市2026年街道（乡镇）赋权承接确认" }, select: { id: true } });
    expect((await listDevolutionRounds({ streetIds: me.area!.unitIds })).map((r) => r.id)).toContain(round.id);
    const dashboard = await roundDashboard(round.id, me.area!.unitIds);
    expect(dashboard.streets.length).toBeGreaterThan(0);
    expect(dashboard.streets.every((s) => inEast(s.streetId))).toBe(true);
    const cityDashboard = await roundDashboard(round.id);
    expect(cityDashboard.overall.total).toBeGreaterThan(dashboard.overall.total);

    // 工作台's roll-up: the city sees both districts side by side, a district only itself.
    const cityOverview = await districtOverview(await as("admin"));
    expect(cityOverview.map((d) => d.name)).toEqual(["东湖区", "西山县"]);
    for (const d of cityOverview) expect(d.listsPublished + d.admissionsOpen + d.devolutionOpen, d.name).toBeGreaterThan(0);
    const own = await districtOverview(me);
    expect(own).toEqual([cityOverview[0]]);

    // 工作台 links only to the district's own work.
    const todos = await todosFor(me);
    for (const t of todos) expect(t.count ?? 0).toBeGreaterThanOrEqual(0);
  });

  it("tells the city 编办 and the community's own district 编办 of a refusal, not the other district's", async () => {
    await as("shequ");
    const r = await registerTaskAction({ title: "区县编办通知测试任务", departmentId: await unitId("示例市城市管理综合执法局"), receivedOn: "2026-10-09", description: "" });
    if (!r.ok) throw new Error(r.message);
    expect(await refuseTaskAction({ id: r.data.id, reason: "未经准入，社区无执法人员" })).toMatchObject({ ok: true });
    const who = (await prisma.notification.findMany({ where: { href: `/refusals?task=${r.data.id}` }, include: { user: { select: { username: true } } } })).map((n) => n.user.username);
    expect(who).toEqual(expect.arrayContaining(["admin", "bianban", "donghu"]));
    expect(who).not.toContain("xishan");
    // Only 东湖区's 编办 reads that register entry.
    const east = await registerEntries(await as("donghu"), registerFilterSchema.parse({}));
    expect(east.rows.map((e) => e.id)).toContain(r.data.id);
    const westRows = await registerEntries(await as("xishan"), registerFilterSchema.parse({}));
    expect(westRows.rows.map((e) => e.id)).not.toContain(r.data.id);
  });

  describe("devolution rounds of a district", () => {
    let eastStreet: number;
    let westStreet: number;
    let editionId: number;
    const open = (title: string, streetIds: number[]) =>
      openDevolutionRoundAction({ title, editionId, deadline: "2099-12-31", streetIds, documentPrefix: "东湖编赋" });
    beforeAll(async () => {
      // New streets: the demo round already holds the demo streets for the issued edition.
      eastStreet = (await prisma.orgUnit.create({ data: { name: "东湖新区街道办事处", kind: "STREET", parentId: await unitId("东湖区") } })).id;
      westStreet = (await prisma.orgUnit.create({ data: { name: "西山新镇人民政府", kind: "TOWNSHIP", parentId: await unitId("西山县") } })).id;
      editionId = (await prisma.catalogueEdition.findFirstOrThrow({ where: { kind: "GUIDANCE", status: "ISSUED", areaUnitId: null } })).id;
    });

    it("offers a district 编办 only its own streets and lets it open a round with them, never with another district's", async () => {
      const me = await as("donghu");
      const choices = await streetChoices(me.area!.unitIds);
      expect(choices.map((c) => c.id)).toContain(eastStreet);
      expect(choices.map((c) => c.id)).not.toContain(westStreet);
      expect(choices.every((c) => me.area!.unitIds.includes(c.id))).toBe(true);

      const before = { rounds: await prisma.devolutionRound.count(), audit: await prisma.auditLog.count({ where: { outcome: "SUCCESS" } }) };
      const refused = await open("越界承接确认", [eastStreet, westStreet]);
      expect(refused).toMatchObject({ ok: false, code: "VALIDATION" });
      if (refused.ok) throw new Error("opened");
      expect(refused.fieldErrors?.streetIds).toContain("西山新镇人民政府");
      expect(await prisma.devolutionRound.count()).toBe(before.rounds);
      expect(await prisma.auditLog.count({ where: { outcome: "SUCCESS" } })).toBe(before.audit);

      const opened = await open("东湖区承接确认", [eastStreet]);
      if (!opened.ok) throw new Error(opened.message);
      expect(await prisma.devolutionRoundStreet.findMany({ where: { roundId: opened.data.id }, select: { streetId: true } })).toEqual([{ streetId: eastStreet }]);
      // Its own round it manages: assigning and closing.
      const assignment = await prisma.devolutionAssignment.findFirstOrThrow({ where: { roundId: opened.data.id, departmentId: { not: null } } });
      expect(await assignItemsAction({ roundId: opened.data.id, itemIds: [assignment.itemId], departmentId: null })).toMatchObject({ ok: true });
      // Its 工作台 leads to the work of its own round, never to a city-wide round's 分派/裁决.
      const hrefs = (await devolutionTodos(me)).map((t) => t.href);
      expect(hrefs).toContain(`/devolution/rounds/${opened.data.id}/assignments?department=none`);
      const manageable = new Set([opened.data.id]);
      for (const h of hrefs.filter((h) => /\/(disputes|assignments)/.test(h))) expect(manageable.has(Number(h.split("/")[3])), h).toBe(true);
      expect(await closeDevolutionRoundAction({ roundId: opened.data.id })).toMatchObject({ ok: true });
      expect(await prisma.devolutionRound.findUniqueOrThrow({ where: { id: opened.data.id } })).toMatchObject({ status: "CLOSED" });
    });

    it("refuses a district 编办 the management of a city-wide or another district's round, and changes nothing", async () => {
      await as("admin");
      const westRound = await open("西山县承接确认", [westStreet]);
      if (!westRound.ok) throw new Error(westRound.message);
      // The demo round names streets of both districts.
      const cityRound = await prisma.devolutionRound.findFirstOrThrow({
        where: { status: "OPEN", AND: [{ streets: { some: { streetId: { in: [...east] } } } }, { streets: { some: { streetId: { in: [...west] } } } }] },
        select: { id: true },
      });
      const eastRow = await prisma.devolution.findFirstOrThrow({ where: { roundId: cityRound.id, streetId: { in: [...east] }, letterId: null, lockedAt: null }, select: { id: true } });
      const assignment = await prisma.devolutionAssignment.findFirstOrThrow({ where: { roundId: cityRound.id } });

      await as("donghu");
      const before = {
        audit: await prisma.auditLog.count({ where: { outcome: "SUCCESS" } }),
        row: await prisma.devolution.findUniqueOrThrow({ where: { id: eastRow.id } }),
      };
      for (const roundId of [cityRound.id, westRound.data.id]) {
        expect(await closeDevolutionRoundAction({ roundId })).toMatchObject({ ok: false, code: "FORBIDDEN" });
      }
      expect(await assignItemsAction({ roundId: cityRound.id, itemIds: [assignment.itemId], departmentId: null })).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await arbitrateAction({ id: eastRow.id, decision: "DECLINE", note: "区县编办越权裁决", streetDuty: null, departmentDuty: null })).toMatchObject({ ok: false, code: "FORBIDDEN" });

      expect(await prisma.auditLog.count({ where: { outcome: "SUCCESS" } })).toBe(before.audit);
      expect(await prisma.devolutionRound.count({ where: { id: { in: [cityRound.id, westRound.data.id] }, status: "OPEN" } })).toBe(2);
      expect(await prisma.devolutionAssignment.findFirstOrThrow({ where: { roundId: cityRound.id, itemId: assignment.itemId } })).toMatchObject({ departmentId: assignment.departmentId });
      expect(await prisma.devolution.findUniqueOrThrow({ where: { id: eastRow.id } })).toEqual(before.row);

      // The city 编办 still manages every round.
      await as("admin");
      expect(await closeDevolutionRoundAction({ roundId: westRound.data.id })).toMatchObject({ ok: true });
    });
  });

  it("sends the 编办 stages of a district's list to that district's 编办; elsewhere to the city's", async () => {
    const stageUnits = async (listId: number) =>
      Object.fromEntries(
        (await prisma.powerListStage.findMany({ where: { listId }, select: { kind: true, assignees: { select: { unitId: true } } } })).map((s) => [s.kind, s.assignees.map((a) => a.unitId)]),
      );
    const eastStreet = (await prisma.orgUnit.create({ data: { name: "东湖清单街道办事处", kind: "STREET", parentId: await unitId("东湖区") } })).id;
    const eastCommunity = (await prisma.orgUnit.create({ data: { name: "东湖清单社区", kind: "COMMUNITY", parentId: eastStreet } })).id;
    const westStreet = (await prisma.orgUnit.create({ data: { name: "西山清单镇人民政府", kind: "TOWNSHIP", parentId: await unitId("西山县") } })).id;
    // A district without its own 编办: the city's reviews its lists.
    const plainDistrict = (await prisma.orgUnit.create({ data: { name: "清单测试区", kind: "DISTRICT", parentId: (await prisma.orgUnit.findFirstOrThrow({ where: { kind: "CITY" } })).id } })).id;
    const plainStreet = (await prisma.orgUnit.create({ data: { name: "清单测试街道办事处", kind: "STREET", parentId: plainDistrict } })).id;
    const [cityBianban, eastBianban, westBianban] = [await unitId("示例市委编办"), await unitId("东湖区委编办"), await unitId("西山县委编办")];

    await as("donghu");
    const east = await createListAction({ unitId: eastStreet, form: "POWER" });
    const community = await createListAction({ unitId: eastCommunity, form: "POWER" });
    await as("admin");
    const west = await createListAction({ unitId: westStreet, form: "POWER" });
    const plain = await createListAction({ unitId: plainStreet, form: "POWER" });
    if (!east.ok || !community.ok || !west.ok || !plain.ok) throw new Error("list not created");

    for (const [listId, bianban] of [[east.data.id, eastBianban], [community.data.id, eastBianban], [west.data.id, westBianban], [plain.data.id, cityBianban]]) {
      const units = await stageUnits(listId);
      expect(units.CONSULTATION, `list ${listId}`).toEqual([bianban]);
      expect(units.PUBLISH, `list ${listId}`).toEqual([bianban]);
    }

    // The city 编办 still reads and manages the district's list; the other district's 编办 does not.
    const subject = (await listSubject(prisma, east.data.id)) as never;
    expect(can(await as("admin"), "list.read", subject)).toBe(true);
    expect(can(await as("admin"), "list.manageStages", subject)).toBe(true);
    expect(can(await as("donghu"), "list.manageStages", subject)).toBe(true);
    expect(can(await as("xishan"), "list.read", subject)).toBe(false);
  });

  it("lets a district 编办 keep the 属地管理事项清单 and record 费随事转 funds of its own district only", async () => {
    const fields = {
      dutyType: "城市管理",
      name: "区县编办存量事项测试",
      departmentName: "示例市城市管理综合执法局",
      departmentDuty: "制定标准。",
      localDuty: "日常巡查。",
      legalBasis: "《城市市容和环境卫生管理条例》第十条",
      leadResponsibility: "区城管局",
      supportResponsibility: "街道办事处",
    };
    const eastUnit = await unitId("南岸街道办事处");
    const westUnit = (await prisma.orgUnit.findFirstOrThrow({ where: { id: { in: [...west] }, kind: { in: ["STREET", "TOWNSHIP"] }, active: true } })).id;
    // The city 编办 still keeps every unit's list: it enters a duty of 西山县's.
    await as("admin");
    const westAdded = await addDutyAction({ unitId: westUnit, ...fields, name: "市编办补录的西山县存量事项" });
    if (!westAdded.ok) throw new Error(westAdded.message);
    const westDuty = await prisma.localDuty.findUniqueOrThrow({ where: { id: westAdded.data.id } });
    const me = await as("donghu");

    const year = Number(chinaToday().slice(0, 4));
    const ledger = await fundingLedger(year);
    const admitted = (unitIds: Set<number>) => {
      const row = ledger.find((r) => unitIds.has(r.unitId) && r.plannedFen > r.paidFen + 100_00);
      if (!row) throw new Error("no funded duty in the district");
      return { id: row.dutyId };
    };
    // The demo admissions went to 东湖区 only: the same admitted duty, handed to a 西山县 unit.
    const { id: _id, createdAt: _c, ...copy } = await prisma.localDuty.findUniqueOrThrow({ where: { id: admitted(east).id } });
    const westFunded = await prisma.localDuty.create({ data: { ...copy, unitId: westUnit } as never, select: { id: true } });
    const before = { audit: await prisma.auditLog.count({ where: { outcome: "SUCCESS" } }), duties: await prisma.localDuty.count(), versions: await prisma.localDutyListVersion.count() };
    expect(await addDutyAction({ unitId: westUnit, ...fields })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await removeDutyAction({ id: westDuty.id, stamp: dutyStamp(westDuty), reason: "越界移出" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await publishDutiesAction({ unitId: westUnit, note: "越界公布" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const disbursal = { year, paidOn: chinaToday(), amount: "100", documentNumber: "东湖财行〔2026〕1号" };
    expect(await disburseAction({ localDutyId: westFunded.id, ...disbursal })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await prisma.auditLog.count({ where: { outcome: "SUCCESS" } })).toBe(before.audit);
    expect(await prisma.localDuty.count()).toBe(before.duties);
    expect(await prisma.localDutyListVersion.count()).toBe(before.versions);
    expect(await prisma.localDuty.findUniqueOrThrow({ where: { id: westDuty.id } })).toMatchObject({ active: true });
    expect(await prisma.fundingDisbursement.count({ where: { localDutyId: westFunded.id } })).toBe(0);

    // Its own district: added, 待公布 on its 工作台 (the other district's 编办 is not told), published, funded.
    const added = await addDutyAction({ unitId: eastUnit, ...fields });
    expect(added).toMatchObject({ ok: true });
    const pending = await unitsPendingPublication();
    const pendingIn = (ids: Set<number>) => pending.filter((u) => ids.has(u.unitId)).length;
    expect(pendingIn(east)).toBeGreaterThan(0);
    expect((await localDutyTodos(me)).reduce((n, t) => n + (t.count ?? 0), 0)).toBe(pendingIn(east));
    expect((await localDutyTodos(await as("xishan"))).reduce((n, t) => n + (t.count ?? 0), 0)).toBe(pendingIn(west));
    await as("donghu");
    expect(await publishDutiesAction({ unitId: eastUnit, note: "补录存量事项" })).toMatchObject({ ok: true });
    expect(await disburseAction({ localDutyId: admitted(east).id, ...disbursal })).toMatchObject({ ok: true });
  });
});
