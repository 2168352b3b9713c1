import { beforeAll, describe, expect, it } from "vitest";
import {
  createEditionAction,
  createItemAction,
  deleteEditionAction,
  deleteItemAction,
  issueEditionAction,
  updateEditionAction,
} from "@/lib/catalogue/actions";
import { editionOptions, listEditions } from "@/lib/catalogue/queries";
import { compareEditions } from "@/lib/catalogue/queries";
import { reviewFilingAction } from "@/lib/filings/actions";
import { getFiling, listFilings, filingTodos } from "@/lib/filings/queries";
import { createListAction, publishListAction, submitListAction, updateStagesAction } from "@/lib/lists/actions";
import { closeDevolutionRoundAction, openDevolutionRoundAction } from "@/lib/devolution/actions";
import { today as chinaToday } from "@/lib/dates";
import { stampOf } from "@/lib/edit-stamp";
import { GUIDANCE_TITLE } from "@/prisma/seed-data/catalogue";
import { actAs, createTestUser, prisma, unitId } from "./helpers";


const today = chinaToday();

/** What a refused request must leave as it was. */
async function snapshot() {
  const [editions, items, filings, audits, notifications] = await Promise.all([
    prisma.catalogueEdition.findMany({ orderBy: { id: "asc" }, select: { id: true, title: true, status: true, updatedAt: true } }),
    prisma.catalogueItem.count(),
    prisma.filing.findMany({ orderBy: { id: "asc" } }),
    prisma.auditLog.count({ where: { outcome: "SUCCESS" } }),
    prisma.notification.count(),
  ]);
  return { editions, items, filings, audits, notifications };
}

describe("district catalogue editions and 备案 (issue 13)", () => {
  let cityGuidance = 0;
  let draft = 0;
  let donghuDistrict = 0;

  beforeAll(async () => {
    cityGuidance = (await prisma.catalogueEdition.findFirstOrThrow({ where: { title: GUIDANCE_TITLE }, select: { id: true } })).id;
    donghuDistrict = await unitId("东湖区");
  });

  it("lets 东湖区's 编办 derive its edition from the city's issued guidance, copying every item", async () => {
    await actAs("donghu");
    const r = await createEditionAction({ kind: "GUIDANCE", title: "东湖区赋权事项指导清单（测试版）", copyFromId: cityGuidance });
    expect(r).toMatchObject({ ok: true });
    if (!r.ok) return;
    draft = r.data.id;
    const edition = await prisma.catalogueEdition.findUniqueOrThrow({ where: { id: draft } });
    expect(edition).toMatchObject({ kind: "GUIDANCE", status: "DRAFT", copiedFromId: cityGuidance, areaUnitId: donghuDistrict });
    expect(await prisma.catalogueItem.count({ where: { editionId: draft } })).toBe(await prisma.catalogueItem.count({ where: { editionId: cityGuidance } }));
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "catalogue.edition.create", subjectId: String(draft) } });
    expect(audit.after).toMatchObject({ areaUnitId: donghuDistrict, copiedFromId: cityGuidance });
  });

  it("refuses a district a blank edition, the general list, the city's draft and another district's edition as its source", async () => {
    await actAs("donghu");
    const before = await snapshot();
    const cityDraft = (await prisma.catalogueEdition.findFirstOrThrow({ where: { status: "DRAFT", areaUnitId: null, kind: "GUIDANCE" }, select: { id: true } })).id;
    expect(await createEditionAction({ kind: "GUIDANCE", title: "东湖区空白版本" })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { copyFromId: expect.stringContaining("市级指导清单") } });
    expect(await createEditionAction({ kind: "GENERAL", title: "东湖区通用清单" })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await createEditionAction({ kind: "GUIDANCE", title: "东湖区抄草稿", copyFromId: cityDraft })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { copyFromId: "要复制的版本不存在" } });
    await actAs("xishan");
    expect(await createEditionAction({ kind: "GUIDANCE", title: "西山县抄东湖", copyFromId: draft })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { copyFromId: "要复制的版本不存在" } });
    expect(await snapshot()).toEqual(before);
  });

  it("lets 东湖区 remove an item and add a local one to its draft", async () => {
    await actAs("donghu");
    const first = await prisma.catalogueItem.findFirstOrThrow({ where: { editionId: draft }, orderBy: { position: "asc" } });
    expect(await deleteItemAction({ id: first.id })).toMatchObject({ ok: true });
    const typeId = (await prisma.dictionaryEntry.findFirstOrThrow({ where: { kind: "POWER_TYPE", name: "行政检查" }, select: { id: true } })).id;
    expect(await createItemAction({ editionId: draft, name: "对东湖风景区内经营活动的检查", powerTypeId: typeId })).toMatchObject({ ok: true });
    const diff = await compareEditions(cityGuidance, draft);
    expect(diff.removed.map((u) => u.name)).toContain(first.name);
    expect(diff.added.map((u) => u.name)).toEqual(["对东湖风景区内经营活动的检查"]);
  });

  it("refuses 西山县 (and the city) every write to 东湖区's draft, with nothing written", async () => {
    const item = await prisma.catalogueItem.findFirstOrThrow({ where: { editionId: draft } });
    const typeId = (await prisma.dictionaryEntry.findFirstOrThrow({ where: { kind: "POWER_TYPE" }, select: { id: true } })).id;
    const stamp = (await prisma.catalogueEdition.findUniqueOrThrow({ where: { id: draft } })).updatedAt;
    const calls = {
      issue: () => issueEditionAction({ id: draft }),
      update: () => updateEditionAction({ id: draft, title: "改名后的版本", description: null, expectedStamp: stampOf(stamp) }),
      remove: () => deleteEditionAction({ id: draft }),
      deleteItem: () => deleteItemAction({ id: item.id }),
      addItem: () => createItemAction({ editionId: draft, name: "外区加的事项", powerTypeId: typeId }),
    };
    const before = await snapshot();
    for (const username of ["xishan", "bianban", "jiedao"]) {
      await actAs(username);
      for (const [name, call] of Object.entries(calls)) expect(await call(), `${username} ${name}`).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(await snapshot()).toEqual(before);
    // A district 编办 does not touch the city's editions either.
    await actAs("donghu");
    const cityDraft = (await prisma.catalogueEdition.findFirstOrThrow({ where: { status: "DRAFT", areaUnitId: null }, select: { id: true } })).id;
    expect(await issueEditionAction({ id: cityDraft })).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("keeps 东湖区's draft out of 西山县's reads; the city sees it, labelled with its district", async () => {
    const xishan = (await actAs("xishan"))!;
    expect((await listEditions("GUIDANCE", xishan)).map((e) => e.id)).not.toContain(draft);
    expect((await editionOptions(xishan)).map((e) => e.id)).not.toContain(draft);
    // Nor the city's drafts: a district reads the city's issued editions only.
    expect((await listEditions("GUIDANCE", xishan)).every((e) => e.areaUnitId === null && e.status === "ISSUED")).toBe(true);
    const donghu = (await actAs("donghu"))!;
    expect((await listEditions("GUIDANCE", donghu)).map((e) => e.id)).toEqual(expect.arrayContaining([draft, cityGuidance]));
    const city = (await actAs("bianban"))!;
    const row = (await listEditions("GUIDANCE", city)).find((e) => e.id === draft);
    expect(row?.areaUnit?.name).toBe("东湖区");
  });

  let filingId = 0;
  it("files the issued district edition with the city 编办 in the same transaction as the issue", async () => {
    await actAs("donghu");
    const r = await issueEditionAction({ id: draft });
    expect(r).toMatchObject({ ok: true });
    const filing = await prisma.filing.findFirstOrThrow({ where: { kind: "CATALOGUE_EDITION", subjectId: draft } });
    filingId = filing.id;
    expect(filing).toMatchObject({ status: "PENDING", districtId: donghuDistrict, submittedByName: expect.any(String) });
    const issued = await prisma.catalogueEdition.findUniqueOrThrow({ where: { id: draft } });
    expect(issued.status).toBe("ISSUED");
    // One transaction: the audit entries of the issue and of the filing carry the same transaction id.
    const [issueAudit, fileAudit] = await Promise.all([
      prisma.auditLog.findFirstOrThrow({ where: { action: "catalogue.edition.issue", subjectId: String(draft) } }),
      prisma.auditLog.findFirstOrThrow({ where: { action: "filing.submit", subjectId: String(filing.id) } }),
    ]);
    const txid = async (id: bigint | number) => (await prisma.$queryRaw<{ x: string }[]>`SELECT xmin::text AS x FROM audit_log WHERE id = ${id}`)[0].x;
    expect(await txid(issueAudit.id)).toBe(await txid(fileAudit.id));
    expect(await txid(issueAudit.id)).toBe((await prisma.$queryRaw<{ x: string }[]>`SELECT xmin::text AS x FROM filing WHERE id = ${filing.id}`)[0].x);
  });

  it("shows 东湖区 its own filings only, and the city 编办 every district's; 西山县 cannot open 东湖区's", async () => {
    const donghu = (await actAs("donghu"))!;
    expect((await listFilings(donghu, { status: "ALL", page: 1 })).rows.map((f) => f.id)).toContain(filingId);
    const xishan = (await actAs("xishan"))!;
    expect((await listFilings(xishan, { status: "ALL", page: 1 })).rows.map((f) => f.id)).not.toContain(filingId);
    expect(await getFiling(filingId, xishan)).toBeNull();
    const city = (await actAs("bianban"))!;
    expect((await listFilings(city, { status: "PENDING", page: 1 })).rows.map((f) => f.id)).toContain(filingId);
    expect((await filingTodos(city)).map((t) => t.href)).toContain("/filings");
    expect(await filingTodos(donghu)).toEqual([]);
  });

  it("refuses district 编办s (and others) the review of a filing, with nothing written", async () => {
    const before = await snapshot();
    for (const username of ["donghu", "xishan", "jiedao", "lingdao"]) {
      await actAs(username);
      expect(await reviewFilingAction({ id: filingId, decision: "FILED" }), username).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    await actAs("bianban");
    // Returning needs an opinion.
    expect(await reviewFilingAction({ id: filingId, decision: "RETURNED", opinion: "  " })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { opinion: "退回时请填写审查意见" } });
    expect(await snapshot()).toEqual(before);
  });

  it("lets the city 编办 record 已备案, once, and tells 东湖区's 编办", async () => {
    await actAs("bianban");
    const donghuUser = await prisma.user.findUniqueOrThrow({ where: { username: "donghu" } });
    const notes = await prisma.notification.count({ where: { userId: donghuUser.id } });
    expect(await reviewFilingAction({ id: filingId, decision: "FILED" })).toMatchObject({ ok: true, data: { status: "FILED" } });
    expect(await prisma.filing.findUniqueOrThrow({ where: { id: filingId } })).toMatchObject({ status: "FILED", reviewedByName: expect.any(String), reviewedAt: expect.any(Date) });
    expect(await prisma.auditLog.count({ where: { action: "filing.file", subjectId: String(filingId) } })).toBe(1);
    expect(await prisma.notification.count({ where: { userId: donghuUser.id } })).toBe(notes + 1);
    expect(await reviewFilingAction({ id: filingId, decision: "RETURNED", opinion: "再看看" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await prisma.filing.findUniqueOrThrow({ where: { id: filingId } })).status).toBe("FILED");
  });

  it("files a list 东湖区's 编办 publishes, and lets the city return it with an opinion that reaches the district", async () => {
    // A community of 东湖区 drafts a list; 东湖区's 编办 keeps only the publish stage, then publishes it.
    const communityName = "东湖桂花社区";
    const community = await unitId(communityName);
    await prisma.powerList.deleteMany({ where: { unitId: community, status: "DRAFTING" } });
    const drafter = await createTestUser({ unit: communityName, roles: ["COMMUNITY"] });
    await actAs(drafter.username);
    const created = await createListAction({ unitId: community, form: "POWER" });
    if (!created.ok) throw new Error(created.message);
    const listId = created.data.id;
    const version = async () => (await prisma.powerList.findUniqueOrThrow({ where: { id: listId }, select: { version: true } })).version;
    if ((await prisma.powerListItem.count({ where: { listId } })) === 0) {
      await prisma.powerListItem.create({ data: { listId, itemKey: "1", position: 1, source: "OWN", name: "社区居民自治事项", updatedByName: "测试" } });
    }
    await actAs("donghu");
    const publish = (await prisma.powerListStage.findFirstOrThrow({ where: { listId, kind: "PUBLISH" } })).id;
    expect(await updateStagesAction({ listId, version: await version(), stages: [{ id: publish, name: "印发公布", unitIds: [] }] })).toMatchObject({ ok: true });
    await actAs(drafter.username);
    expect(await submitListAction({ listId, version: await version() })).toMatchObject({ ok: true });
    await actAs("donghu");
    const r = await publishListAction({ listId, version: await version(), documentNumber: "东编发〔2026〕1号", publishDate: today, effectiveDate: today });
    expect(r).toMatchObject({ ok: true });
    if (!r.ok) return;
    const filing = await prisma.filing.findFirstOrThrow({ where: { kind: "POWER_LIST", subjectId: listId } });
    expect(filing).toMatchObject({ versionId: r.data.id, districtId: donghuDistrict, status: "PENDING" });
    expect(filing.title).toContain("东编发〔2026〕1号");

    await actAs("bianban");
    const donghuUser = await prisma.user.findUniqueOrThrow({ where: { username: "donghu" } });
    expect(await reviewFilingAction({ id: filing.id, decision: "RETURNED", opinion: "第3项依据已废止，请调整后重新公布。" })).toMatchObject({ ok: true, data: { status: "RETURNED" } });
    expect(await prisma.filing.findUniqueOrThrow({ where: { id: filing.id } })).toMatchObject({ status: "RETURNED", opinion: "第3项依据已废止，请调整后重新公布。" });
    const note = await prisma.notification.findFirstOrThrow({ where: { userId: donghuUser.id }, orderBy: { id: "desc" } });
    expect(note).toMatchObject({ href: `/filings/${filing.id}` });
    expect(note.body).toContain("第3项依据已废止");
    expect(await prisma.auditLog.count({ where: { action: "filing.return", subjectId: String(filing.id) } })).toBe(1);
  });

  it("lets a district open a round on its own issued edition or the city's, never on another district's", async () => {
    const deadline = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const west = await unitId("凤凰街道办事处");
    await actAs("xishan");
    const before = await prisma.devolutionRound.count();
    expect(await openDevolutionRoundAction({ title: "西山县用东湖区清单", editionId: draft, streetIds: [west], deadline, documentPrefix: "西山承接" })).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { editionId: expect.any(String) },
    });
    expect(await prisma.devolutionRound.count()).toBe(before);

    // 东湖区 opens one on its own issued edition, for its own street, and files its result on closing it.
    await actAs("donghu");
    const east = await unitId("清河镇人民政府");
    expect(await openDevolutionRoundAction({ title: "西山县用东湖区清单", editionId: draft, streetIds: [west], deadline, documentPrefix: "东湖承接" })).toMatchObject({ ok: false, code: "VALIDATION" });
    const opened = await openDevolutionRoundAction({ title: "东湖区本区清单承接确认", editionId: draft, streetIds: [east], deadline, documentPrefix: "东湖承接" });
    expect(opened).toMatchObject({ ok: true });
    if (!opened.ok) return;
    expect(await closeDevolutionRoundAction({ roundId: opened.data.id })).toMatchObject({ ok: true });
    expect(await prisma.filing.findFirstOrThrow({ where: { kind: "DEVOLUTION_ROUND", subjectId: opened.data.id } })).toMatchObject({ districtId: donghuDistrict, status: "PENDING" });
  });
});
