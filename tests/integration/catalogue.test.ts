import { REAL_LISTS_DIR } from "@/tests/fixtures/paths";
import fs from "node:fs";
import path from "node:path";
import * as XLSX from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import {
  adjustImportAction,
  bulkEditItemsAction,
  commitImportAction,
  createEditionAction,
  createItemAction,
  deleteEditionAction,
  deleteItemAction,
  discardImportAction,
  issueEditionAction,
  updateEditionAction,
  updateItemAction,
} from "@/lib/catalogue/actions";
import { uploadImport } from "@/lib/catalogue/upload";
import { compareEditions, editionItems, editionCounts, importPreview, listEditions } from "@/lib/catalogue/queries";
import { itemFilterSchema } from "@/lib/catalogue/schema";
import { parseWorkbook } from "@/lib/catalogue/import/parse";
import { createEntryAction, setEntryActiveAction, updateEntryAction } from "@/lib/dictionary/actions";
import { GET as exportRoute } from "@/app/api/catalogue/editions/[id]/export/route";
import { POST as uploadRoute } from "@/app/api/catalogue/import/route";
import { GENERAL_TITLE, GUIDANCE_DRAFT_TITLE, GUIDANCE_ITEMS, GUIDANCE_TITLE } from "@/prisma/seed-data/catalogue";
import { actAs, prisma } from "./helpers";
import { DISTRICT_EDITION_TITLE } from "@/prisma/seed-data/district-catalogue";
import { ownerSql } from "./database";

const FIXTURES = REAL_LISTS_DIR;
const OUTSIDERS = ["chengguan", "sifa", "jiedao", "shequ", "lingdao"];


async function editionId(title: string) {
  return (await prisma.catalogueEdition.findFirstOrThrow({ where: { title }, select: { id: true } })).id;
}

async function typeId(name: string) {
  return (await prisma.dictionaryEntry.findFirstOrThrow({ where: { kind: "POWER_TYPE", name }, select: { id: true } })).id;
}

async function newDraft(title: string, kind: "GUIDANCE" | "GENERAL" = "GUIDANCE") {
  await actAs("bianban");
  const r = await createEditionAction({ kind, title });
  if (!r.ok) throw new Error(r.message);
  return r.data.id;
}

function workbook(rows: (string | number)[][], sheet = "清单"): Uint8Array<ArrayBuffer> {
  const ws = XLSX.utils.aoa_to_sheet([["测试清单"], ["序号", "事项名称", "子项名称", "权力类型", "所属领域", "实施部门", "实施依据"], ...rows]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, sheet);
  return Uint8Array.from(XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Buffer);
}

const SAMPLE_ROWS: (string | number)[][] = [
  [1, "对随地吐痰的处罚", "", "行政处罚", "城管执法", "城管局", "【法规】《城市市容和环境卫生管理条例》第三十四条"],
  [2, "对违反安全生产规定的处罚", "未设置安全警示标志的处罚", "行政处罚", "应急管理", "示例市应急管理局", "【法律】《中华人民共和国安全生产法》第九十九条"],
  ["", "", "未建立事故隐患排查治理制度的处罚", "行政处罚", "应急管理", "示例市应急管理局", "【法律】《中华人民共和国安全生产法》第一百零一条"],
  [3, "对辖区安全生产状况的监督检查", "", "行政监督", "应急管理", "应急管理局", "【法律】《中华人民共和国安全生产法》第九条"],
];

/** What Excel writes for a workbook with an open password: an OLE container, encrypted package. */
function encryptedWorkbook(): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new();
  const info = Buffer.alloc(64);
  info.writeUInt16LE(4, 0);
  info.writeUInt16LE(4, 2);
  info.writeUInt32LE(0x40, 4);
  info.write('<?xml version="1.0"?><encryption/>', 8);
  XLSX.CFB.utils.cfb_add(cfb, "/EncryptionInfo", info);
  XLSX.CFB.utils.cfb_add(cfb, "/EncryptedPackage", Buffer.alloc(4096, 0x5a));
  return new Uint8Array(XLSX.CFB.write(cfb, { type: "buffer" }) as Uint8Array);
}

async function upload(edition: number, bytes: Uint8Array, fileName = "测试清单.xlsx") {
  const r = await uploadImport({ editionId: edition, fileName, bytes });
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.data.sessionId;
}

async function counts(edition: number) {
  const [items, subItems, reports, sessions] = await Promise.all([
    prisma.catalogueItem.count({ where: { editionId: edition } }),
    prisma.catalogueSubItem.count({ where: { editionId: edition } }),
    prisma.importReport.count({ where: { editionId: edition } }),
    prisma.importSession.count({ where: { editionId: edition } }),
  ]);
  return { items, subItems, reports, sessions };
}

async function snapshot() {
  const [editions, items, subItems, entries, sessions, reports, audits] = await Promise.all([
    prisma.catalogueEdition.findMany({ orderBy: { id: "asc" } }),
    prisma.catalogueItem.findMany({ orderBy: { id: "asc" }, select: { id: true, editionId: true, name: true, contentHash: true } }),
    prisma.catalogueSubItem.count(),
    prisma.dictionaryEntry.findMany({ orderBy: { id: "asc" } }),
    prisma.importSession.count(),
    prisma.importReport.count(),
    prisma.auditLog.count({ where: { outcome: "SUCCESS" } }), // refused attempts add security events, not changes
  ]);
  return { editions, items, subItems, entries, sessions, reports, audits };
}

describe("demo catalogues", () => {
  it("seeds an issued guidance catalogue, an issued general list and a draft copied from the first", async () => {
    const editions = await prisma.catalogueEdition.findMany({ where: { areaUnitId: null }, include: { _count: { select: { items: true } } }, orderBy: { id: "asc" } });
    expect(editions.map((e) => [e.title, e.kind, e.status, e._count.items])).toEqual([
      [GUIDANCE_TITLE, "GUIDANCE", "ISSUED", GUIDANCE_ITEMS.length],
      [GENERAL_TITLE, "GENERAL", "ISSUED", 25],
      [GUIDANCE_DRAFT_TITLE, "GUIDANCE", "DRAFT", GUIDANCE_ITEMS.length + 1],
    ]);
    const guidance = await editionCounts(editions[0].id);
    const penalties = guidance.byType.find((t) => t.name === "行政处罚")!.count;
    expect(penalties / guidance.total).toBeGreaterThan(0.6);
    expect(guidance.byDomain.length).toBeGreaterThanOrEqual(10);
    // Every guidance item is linked to a demo department.
    expect(await prisma.catalogueItem.count({ where: { editionId: editions[0].id, departmentId: null } })).toBe(0);
    // 东湖区's edition, derived from the city's guidance: one item dropped, one local item added.
    const district = await prisma.catalogueEdition.findFirstOrThrow({ where: { title: DISTRICT_EDITION_TITLE }, include: { areaUnit: true, _count: { select: { items: true } } } });
    expect(district).toMatchObject({ status: "ISSUED", copiedFromId: editions[0].id, areaUnit: { name: "东湖区" }, _count: { items: GUIDANCE_ITEMS.length } });
    expect(await prisma.filing.findFirstOrThrow({ where: { kind: "CATALOGUE_EDITION", subjectId: district.id } })).toMatchObject({ status: "PENDING" });
  });

  it("compares the draft with the issued edition: two added, one removed, one changed basis", async () => {
    const diff = await compareEditions(await editionId(GUIDANCE_TITLE), await editionId(GUIDANCE_DRAFT_TITLE));
    expect(diff.added.map((u) => u.values.code).sort()).toEqual(["SL-CF-CG-011", "SL-CF-YJ-005"]);
    expect(diff.removed.map((u) => u.values.code)).toEqual(["SL-CF-WJ-003"]);
    // Sub-items are compared one by one (the first item has three).
    expect(diff.changed.map((c) => [c.after.values.code, c.changes.map((x) => x.field)])).toContainEqual(["SL-CF-CG-007", ["legalBasis"]]);
    expect(diff.changed.every((c) => c.changes.every((x) => x.field === "legalBasis"))).toBe(true);
    // Items and sub-items counted apart reconcile with each edition's header.
    const [from, to] = await Promise.all([
      prisma.catalogueEdition.findFirstOrThrow({ where: { title: GUIDANCE_TITLE }, select: { _count: { select: { items: true, subItems: true } } } }),
      prisma.catalogueEdition.findFirstOrThrow({ where: { title: GUIDANCE_DRAFT_TITLE }, select: { _count: { select: { items: true, subItems: true } } } }),
    ]);
    const { items, subItems } = diff.counts;
    expect(items.unchanged + items.changed + items.removed).toBe(from._count.items);
    expect(items.unchanged + items.changed + items.added).toBe(to._count.items);
    expect(subItems.unchanged + subItems.changed + subItems.removed).toBe(from._count.subItems);
    expect(subItems.unchanged + subItems.changed + subItems.added).toBe(to._count.subItems);
    expect(diff.counts.from).toEqual(from._count);
  });
});

describe("the role matrix at the server", () => {
  it("refuses every catalogue write to department, reviewer, street, community and leader accounts", async () => {
    const issued = await editionId(GUIDANCE_TITLE);
    const draft = await editionId(GUIDANCE_DRAFT_TITLE);
    const item = await prisma.catalogueItem.findFirstOrThrow({ where: { editionId: draft } });
    await actAs("bianban");
    const session = await upload(draft, workbook(SAMPLE_ROWS));
    const entry = await prisma.dictionaryEntry.findFirstOrThrow({ where: { kind: "DOMAIN" } });
    const calls = [
      () => createEditionAction({ kind: "GUIDANCE", title: "部门偷偷建的版本" }),
      () => createEditionAction({ kind: "GUIDANCE", title: "部门复制的版本", copyFromId: issued }),
      () => updateEditionAction({ id: draft, title: "改名的草稿" }),
      () => deleteEditionAction({ id: draft }),
      () => issueEditionAction({ id: draft }),
      () => createItemAction({ editionId: draft, name: "偷加的事项", powerTypeId: item.powerTypeId! }),
      () => updateItemAction({ id: item.id, name: "偷改的事项", powerTypeId: item.powerTypeId! }),
      () => deleteItemAction({ id: item.id }),
      () => adjustImportAction({ sessionId: session, change: "exclude", keys: ["清单!3"], excluded: true }),
      () => commitImportAction({ sessionId: session }),
      () => discardImportAction({ sessionId: session }),
      () => uploadImport({ editionId: draft, fileName: "x.xlsx", bytes: workbook(SAMPLE_ROWS) }),
      () => createEntryAction({ kind: "DOMAIN", name: "偷加的领域" }),
      () => updateEntryAction({ id: entry.id, name: "偷改的领域" }),
      () => setEntryActiveAction({ id: entry.id, active: false }),
    ];
    const before = await snapshot();
    for (const username of OUTSIDERS) {
      await actAs(username);
      for (const [i, call] of calls.entries()) {
        expect(await call(), `${username} call ${i}`).toMatchObject({ ok: false, code: "FORBIDDEN", message: "您没有权限进行此操作。" });
      }
    }
    await actAs(null);
    for (const call of calls) expect(await call()).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await snapshot()).toEqual(before);
    await actAs("bianban");
    expect((await discardImportAction({ sessionId: session })).ok).toBe(true);
  });

  it("shows drafts to 编办 only: lists, exports and uploads check on the server", async () => {
    const draft = await editionId(GUIDANCE_DRAFT_TITLE);
    const issued = await editionId(GUIDANCE_TITLE);
    const chengguan = await actAs("chengguan");
    // Issued editions only: the city's and 东湖区's own (a city department acts in every district).
    expect((await listEditions("GUIDANCE", chengguan!)).map((e) => e.title)).toEqual([DISTRICT_EDITION_TITLE, GUIDANCE_TITLE]);
    const get = (id: number, query = "format=xlsx") => exportRoute(new Request(`http://test/api/catalogue/editions/${id}/export?${query}`), { params: Promise.resolve({ id: String(id) }) });
    expect((await get(draft)).status).toBe(403);
    expect((await get(draft, "format=csv")).status).toBe(403);
    const ok = await get(issued);
    expect(ok.status).toBe(200);
    expect(Buffer.from(await ok.arrayBuffer()).subarray(0, 2).toString()).toBe("PK");
    expect(ok.headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent(GUIDANCE_TITLE)}.xlsx`);
    // An unknown format is refused, not answered with a spreadsheet under another name (issue 12).
    const pdf = await get(issued, "format=pdf");
    expect(pdf.status).toBe(400);
    expect(await pdf.text()).toContain("format 只能是 xlsx 或 csv");
    expect((await get(issued, "")).status).toBe(200);

    const form = new FormData();
    form.append("editionId", String(draft));
    form.append("file", new File([workbook(SAMPLE_ROWS)], "a.xlsx"));
    const refused = await uploadRoute(new Request("http://test/api/catalogue/import", { method: "POST", body: form }));
    expect(refused.status).toBe(403);

    const bianban = await actAs("bianban");
    expect((await listEditions("GUIDANCE", bianban!)).map((e) => e.title)).toContain(GUIDANCE_DRAFT_TITLE);
    expect((await get(draft)).status).toBe(200);
    const csv = await get(draft, "format=csv");
    const text = Buffer.from(await csv.arrayBuffer());
    expect([...text.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(text.toString("utf8")).toContain("对违反城市市容和环境卫生管理规定行为的处罚");
    await actAs(null);
    expect((await get(issued)).status).toBe(401);
  });
});

describe("issued editions never change", () => {
  it("refuses edits through the actions with a clear message", async () => {
    const issued = await editionId(GUIDANCE_TITLE);
    const item = await prisma.catalogueItem.findFirstOrThrow({ where: { editionId: issued } });
    await actAs("bianban");
    const before = await snapshot();
    expect(await updateItemAction({ id: item.id, name: "改名", powerTypeId: item.powerTypeId! })).toMatchObject({ ok: false, code: "LOCKED", message: "该版本已发布，不能再修改。如需调整，请基于它新建版本。" });
    expect(await deleteItemAction({ id: item.id })).toMatchObject({ code: "LOCKED" });
    expect(await createItemAction({ editionId: issued, name: "新事项", powerTypeId: item.powerTypeId! })).toMatchObject({ code: "LOCKED" });
    expect(await updateEditionAction({ id: issued, title: "改名的版本" })).toMatchObject({ code: "LOCKED" });
    expect(await deleteEditionAction({ id: issued })).toMatchObject({ code: "LOCKED" });
    expect(await issueEditionAction({ id: issued })).toMatchObject({ code: "INVALID_STATE" });
    expect(await uploadImport({ editionId: issued, fileName: "a.xlsx", bytes: workbook(SAMPLE_ROWS) })).toMatchObject({ code: "LOCKED" });
    expect(await snapshot()).toEqual(before);
  });

  it("is enforced by the database itself: direct SQL cannot touch an issued edition or its items", async () => {
    // An edition of its own, so that no other area's rows refer to its items.
    const issued = await newDraft("触发器测试版本");
    const type = await typeId("行政处罚");
    expect((await createItemAction({ editionId: issued, name: "主项", powerTypeId: type, subItems: [{ name: "子项一" }, { name: "子项二" }] })).ok).toBe(true);
    expect((await issueEditionAction({ id: issued })).ok).toBe(true);
    const item = await prisma.catalogueItem.findFirstOrThrow({ where: { editionId: issued }, include: { subItems: true } });
    const before = await snapshot();
    const refused = /is issued/;
    await expect(prisma.$executeRawUnsafe(`UPDATE catalogue_item SET name = 'x' WHERE id = ${item.id}`)).rejects.toThrow(refused);
    await expect(prisma.$executeRawUnsafe(`DELETE FROM catalogue_item WHERE id = ${item.id}`)).rejects.toThrow(refused);
    await expect(
      prisma.$executeRawUnsafe(
        `INSERT INTO catalogue_item (edition_id, position, name, match_key, content_hash, search_text, updated_at) VALUES (${issued}, 9999, '偷加', 'k', 'h', 's', now())`,
      ),
    ).rejects.toThrow(refused);
    await expect(prisma.$executeRawUnsafe(`UPDATE catalogue_sub_item SET name = 'x' WHERE id = ${item.subItems[0].id}`)).rejects.toThrow(refused);
    await expect(prisma.$executeRawUnsafe(`DELETE FROM catalogue_sub_item WHERE item_id = ${item.id}`)).rejects.toThrow(refused);
    await expect(
      prisma.$executeRawUnsafe(`INSERT INTO catalogue_sub_item (edition_id, item_id, position, name) VALUES (${issued}, ${item.id}, 99, '偷加')`),
    ).rejects.toThrow(refused);
    // Moving an item out of (or into) an issued edition is a change too.
    const draft = await editionId(GUIDANCE_DRAFT_TITLE);
    await expect(prisma.$executeRawUnsafe(`UPDATE catalogue_item SET edition_id = ${draft}, position = 9999 WHERE id = ${item.id}`)).rejects.toThrow(refused);
    const draftItem = await prisma.catalogueItem.findFirstOrThrow({ where: { editionId: draft } });
    await expect(prisma.$executeRawUnsafe(`UPDATE catalogue_item SET edition_id = ${issued}, position = 9999 WHERE id = ${draftItem.id}`)).rejects.toThrow(refused);
    // Un-issuing, editing or deleting the edition, and truncating, are refused.
    await expect(prisma.$executeRawUnsafe(`UPDATE catalogue_edition SET status = 'DRAFT' WHERE id = ${issued}`)).rejects.toThrow(refused);
    await expect(prisma.$executeRawUnsafe(`UPDATE catalogue_edition SET title = '改名' WHERE id = ${issued}`)).rejects.toThrow(refused);
    await expect(prisma.$executeRawUnsafe(`DELETE FROM catalogue_edition WHERE id = ${issued}`)).rejects.toThrow(refused);
    await expect(prisma.$executeRawUnsafe(`TRUNCATE catalogue_item CASCADE`)).rejects.toThrow(/permission denied/);
    await expect(ownerSql(`TRUNCATE catalogue_item CASCADE`)).rejects.toThrow(/TRUNCATE refused/);
    expect(await snapshot()).toEqual(before);
  });

  it("still lets drafts change freely, and locks them once issued", async () => {
    const draft = await newDraft("待发布的测试版本");
    const type = await typeId("行政处罚");
    expect(await issueEditionAction({ id: draft })).toMatchObject({ code: "INVALID_STATE", message: "版本中还没有事项，不能发布。" });
    const created = await createItemAction({ editionId: draft, name: "测试事项", powerTypeId: type });
    expect(created.ok).toBe(true);
    await prisma.$executeRawUnsafe(`UPDATE catalogue_item SET remarks = '草稿可以改' WHERE edition_id = ${draft}`);
    expect((await issueEditionAction({ id: draft })).ok).toBe(true);
    const edition = await prisma.catalogueEdition.findUniqueOrThrow({ where: { id: draft } });
    expect(edition).toMatchObject({ status: "ISSUED", issuedByName: "李秀英" });
    expect(await prisma.auditLog.count({ where: { action: "catalogue.edition.issue", subjectId: String(draft) } })).toBe(1);
    if (created.ok) expect(await deleteItemAction({ id: created.data.id })).toMatchObject({ code: "LOCKED" });
  });
});

describe("editing items of a draft", () => {
  it("creates, updates and deletes with field errors, department linking and before/after audit", async () => {
    const draft = await newDraft("编辑测试版本");
    const type = await typeId("行政处罚");
    const inspection = await typeId("行政检查");
    const bad = await createItemAction({ editionId: draft, name: " ", powerTypeId: "", subItems: [{ name: "" }] });
    expect(bad).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { name: "请填写事项名称", powerTypeId: "请选择权力类型", "subItems.0.name": "请填写子项名称" } });
    const domain = await prisma.dictionaryEntry.findFirstOrThrow({ where: { kind: "DOMAIN", name: "城管执法" } });
    const badType = await createItemAction({ editionId: draft, name: "事项", powerTypeId: domain.id });
    expect(badType).toMatchObject({ code: "VALIDATION", fieldErrors: { powerTypeId: "请选择在用的权力类型" } });

    const r = await createItemAction({
      editionId: draft,
      name: "对擅自占用城市绿化用地的处罚",
      powerTypeId: type,
      domainId: domain.id,
      departmentName: "市城管局",
      legalBasis: "【法规】《城市绿化条例》第二十七条",
      subItems: [{ name: "子项甲", powerTypeId: inspection, fields: { legalBasis: "子项依据" } }],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const created = await prisma.catalogueItem.findUniqueOrThrow({ where: { id: r.data.id }, include: { subItems: true, department: true } });
    expect(created.department?.name).toBe("示例市城市管理综合执法局");
    expect(created.subItems.map((s) => [s.name, s.powerTypeId, s.fields])).toEqual([["子项甲", inspection, { legalBasis: "子项依据" }]]);
    expect(created.searchText).toContain("城市绿化条例");

    const u = await updateItemAction({ id: r.data.id, name: "对擅自占用城市绿化用地行为的处罚", powerTypeId: type, legalBasis: "【法规】新依据", subItems: [] });
    expect(u.ok).toBe(true);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "catalogue.item.update", subjectId: String(r.data.id) } });
    expect(audit).toMatchObject({ actorName: "李秀英", before: { name: "对擅自占用城市绿化用地的处罚" }, after: { name: "对擅自占用城市绿化用地行为的处罚", subItems: [] } });
    expect((audit.before as { subItems: unknown[] }).subItems).toHaveLength(1);
    expect(await prisma.catalogueSubItem.count({ where: { itemId: r.data.id } })).toBe(0);

    expect((await deleteItemAction({ id: r.data.id })).ok).toBe(true);
    expect(await prisma.catalogueItem.count({ where: { id: r.data.id } })).toBe(0);
    const deletion = await prisma.auditLog.findFirstOrThrow({ where: { action: "catalogue.item.delete", subjectId: String(r.data.id) } });
    expect(deletion.before).toMatchObject({ name: "对擅自占用城市绿化用地行为的处罚" });
  });

  it("filters, searches and sorts the edition table on the server", async () => {
    const issued = await editionId(GUIDANCE_TITLE);
    const penalty = await typeId("行政处罚");
    const food = await editionItems(issued, itemFilterSchema.parse({ q: "食品安全法" }));
    expect(food.total).toBeGreaterThanOrEqual(3);
    expect(food.rows.every((r) => r.legalBasis?.includes("食品安全法") || r.name.includes("食品"))).toBe(true);
    const domain = await prisma.dictionaryEntry.findFirstOrThrow({ where: { kind: "DOMAIN", name: "城管执法" } });
    const both = await editionItems(issued, itemFilterSchema.parse({ type: String(penalty), domain: String(domain.id), q: "城市市容" }));
    expect(both.total).toBe(3);
    expect(both.rows.every((r) => r.powerType?.id === penalty && r.domain?.id === domain.id)).toBe(true);
    // Wildcards are literal.
    expect((await editionItems(issued, itemFilterSchema.parse({ q: "%" }))).total).toBe(0);
    const sorted = await editionItems(issued, itemFilterSchema.parse({ sort: "type", size: "100" }));
    const ranks = sorted.rows.map((r) => r.powerType!.id);
    expect(ranks.indexOf(penalty)).toBeLessThan(ranks.lastIndexOf(await typeId("行政检查")));
    const page2 = await editionItems(issued, itemFilterSchema.parse({ page: "2" }));
    expect(page2.rows[0].position).toBe(21);
  });
});

describe("copying an edition", () => {
  it("copies every item and sub-item into an independent draft", async () => {
    const issued = await editionId(GUIDANCE_TITLE);
    await actAs("bianban");
    const r = await createEditionAction({ kind: "GUIDANCE", title: "复制测试版本", copyFromId: issued });
    expect(r).toMatchObject({ ok: true, data: { items: GUIDANCE_ITEMS.length } });
    if (!r.ok) return;
    const [from, to] = await Promise.all([counts(issued), counts(r.data.id)]);
    expect(to.items).toBe(from.items);
    expect(to.subItems).toBe(from.subItems);
    expect(await prisma.catalogueEdition.findUniqueOrThrow({ where: { id: r.data.id } })).toMatchObject({ status: "DRAFT", copiedFromId: issued });
    const diff = await compareEditions(issued, r.data.id);
    expect(diff).toMatchObject({ added: [], removed: [], changed: [] });
    // Editing the copy leaves the original as it was.
    const copyItem = await prisma.catalogueItem.findFirstOrThrow({ where: { editionId: r.data.id, subItems: { some: {} } } });
    expect((await updateItemAction({ id: copyItem.id, name: "改过的名称", powerTypeId: copyItem.powerTypeId!, subItems: [] })).ok).toBe(true);
    const after = await compareEditions(issued, r.data.id);
    expect(after.added.map((u) => u.name)).toEqual(["改过的名称"]);
    expect(after.removed.length).toBeGreaterThan(0);
    expect((await counts(issued)).subItems).toBe(from.subItems);
    expect(await createEditionAction({ kind: "GENERAL", title: "跨类复制", copyFromId: issued })).toMatchObject({ code: "VALIDATION" });
    expect(await createEditionAction({ kind: "GUIDANCE", title: "复制测试版本" })).toMatchObject({ code: "DUPLICATE", fieldErrors: { title: "已有同名的版本，请换一个名称" } });
  });
});

describe("import", () => {
  it("previews, takes corrections and commits into the draft with a report and an audit entry", async () => {
    const draft = await newDraft("导入测试版本");
    const bytes = workbook([...SAMPLE_ROWS, [4, "", "", "行政处罚", "城管执法", "", "缺名称的行"], [5, "对某事项的指导", "", "行政指导", "", "", ""]]);
    const sessionId = await upload(draft, bytes);
    const user = await actAs("bianban");
    let data = (await importPreview(sessionId, user!))!;
    expect(data.preview!.counts).toMatchObject({ rows: 5, errors: 2, toImport: 3 });
    expect(data.preview!.unknownTypes).toEqual([{ text: "行政指导", count: 1 }]);
    expect(await commitImportAction({ sessionId })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await counts(draft)).toMatchObject({ items: 0, reports: 0 });

    const errorRow = data.preview!.rows.find((r) => r.issues.some((i) => i.message === "缺少事项名称"))!;
    expect(await adjustImportAction({ sessionId, change: "row", key: errorRow.key, name: " ", powerTypeId: null })).toMatchObject({ code: "VALIDATION", fieldErrors: { name: "请填写事项名称" } });
    expect((await adjustImportAction({ sessionId, change: "row", key: errorRow.key, name: "对乱倒垃圾的处罚", powerTypeId: null })).ok).toBe(true);
    expect((await adjustImportAction({ sessionId, change: "type", text: "行政指导", entryId: await typeId("其他行政权力") })).ok).toBe(true);
    data = (await importPreview(sessionId, user!))!;
    expect(data.preview!.counts).toMatchObject({ errors: 0, toImport: 5 });

    const r = await commitImportAction({ sessionId });
    expect(r).toMatchObject({ ok: true, data: { items: 5, subItems: 2, skipped: 0 } });
    expect(await counts(draft)).toEqual({ items: 5, subItems: 2, reports: 1, sessions: 0 });
    const items = await prisma.catalogueItem.findMany({ where: { editionId: draft }, orderBy: { position: "asc" }, include: { powerType: true, department: true } });
    expect(items.map((i) => [i.name, i.powerType?.name, i.department?.shortName ?? null])).toEqual([
      ["对随地吐痰的处罚", "行政处罚", "城管局"],
      ["对违反安全生产规定的处罚", "行政处罚", "应急管理局"],
      ["对辖区安全生产状况的监督检查", "行政检查", "应急管理局"],
      ["对乱倒垃圾的处罚", "行政处罚", null],
      ["对某事项的指导", "其他行政权力", null],
    ]);
    const report = await prisma.importReport.findFirstOrThrow({ where: { editionId: draft } });
    expect(report).toMatchObject({ source: "WEB", fileName: "测试清单.xlsx", itemCount: 5, subItemCount: 2, createdByName: "李秀英" });
    expect(report.sha256).toMatch(/^[0-9a-f]{64}$/);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "catalogue.import", subjectId: String(draft) } });
    expect(audit.after).toMatchObject({ items: 5, fileName: "测试清单.xlsx" });
  });

  it("does not import the same file twice into an edition, and skips items identical to existing ones", async () => {
    const draft = await newDraft("重复导入测试版本");
    const bytes = workbook(SAMPLE_ROWS);
    expect((await commitImportAction({ sessionId: await upload(draft, bytes) })).ok).toBe(true);
    const first = await counts(draft);
    expect(first).toMatchObject({ items: 3, subItems: 2, reports: 1 });

    const again = await upload(draft, bytes);
    const user = await actAs("bianban");
    const preview = (await importPreview(again, user!))!;
    expect(preview.previous).toMatchObject({ itemCount: 3, createdByName: "李秀英" });
    const refused = await commitImportAction({ sessionId: again });
    expect(refused).toMatchObject({ ok: false, code: "DUPLICATE" });
    if (!refused.ok) expect(refused.message).toContain("没有重复导入");
    expect(await counts(draft)).toMatchObject({ items: 3, reports: 1 });
    await discardImportAction({ sessionId: again });

    // Another file with the same rows plus one: only the new row is written.
    const more = await upload(draft, workbook([...SAMPLE_ROWS, [4, "对新事项的处罚", "", "行政处罚", "城管执法", "", "【法规】新"]]), "第二版.xlsx");
    const r = await commitImportAction({ sessionId: more });
    expect(r).toMatchObject({ ok: true, data: { items: 1, skipped: 3 } });
    expect(await counts(draft)).toMatchObject({ items: 4, subItems: 2, reports: 2 });
    // Nothing new at all: refused, nothing written.
    const same = await upload(draft, workbook(SAMPLE_ROWS.slice(0, 1)), "第三版.xlsx");
    expect(await commitImportAction({ sessionId: same })).toMatchObject({ ok: false, code: "INVALID_STATE" });
    expect(await counts(draft)).toMatchObject({ items: 4, reports: 2 });
  });

  it("numbers the merged edition afresh when a second file is imported into the draft", async () => {
    const draft = await newDraft("多文件合并编号测试版本");
    expect((await commitImportAction({ sessionId: await upload(draft, workbook(SAMPLE_ROWS), "甲局.xlsx") })).ok).toBe(true);
    const second: (string | number)[][] = [
      [1, "对占道经营的处罚", "", "行政处罚", "城管执法", "", "【法规】甲"],
      ["2,3", "对乱贴小广告的处罚", "", "行政处罚", "城管执法", "", "【法规】乙"],
      [4, "对施工噪声的处罚", "", "行政处罚", "城管执法", "", "【法规】丙"],
    ];
    const r = await commitImportAction({ sessionId: await upload(draft, workbook(second), "乙局.xlsx") });
    expect(r).toMatchObject({ ok: true, data: { items: 3 } });
    const items = await prisma.catalogueItem.findMany({ where: { editionId: draft }, orderBy: { position: "asc" }, select: { seq: true, name: true } });
    expect(items.map((i) => i.seq)).toEqual(["1", "2", "3", "4", "5~6", "7"]);
    expect(items[3].name).toBe("对占道经营的处罚");
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "catalogue.import", subjectId: String(draft) }, orderBy: { id: "desc" } });
    expect(audit.after).toMatchObject({ fileName: "乙局.xlsx", renumbered: 3 });
    // Re-importing the first file still finds its items identical, although their 序号 moved.
    const again = await upload(draft, workbook([...SAMPLE_ROWS.slice(0, 1), [9, "对新增事项的处罚", "", "行政处罚", "城管执法", "", "【法规】丁"]]), "甲局补充.xlsx");
    expect(await commitImportAction({ sessionId: again })).toMatchObject({ ok: true, data: { items: 1, skipped: 1 } });
    const seqs = await prisma.catalogueItem.findMany({ where: { editionId: draft }, orderBy: { position: "asc" }, select: { seq: true } });
    expect(seqs.map((i) => i.seq)).toEqual(["1", "2", "3", "4", "5~6", "7", "8"]);
  });

  it("lets 编办 set the 领域 and 部门 of many items of a draft at once, in one audited action", async () => {
    const draft = await newDraft("批量设置领域测试版本");
    expect((await commitImportAction({ sessionId: await upload(draft, workbook(SAMPLE_ROWS), "批量.xlsx") })).ok).toBe(true);
    const items = await prisma.catalogueItem.findMany({ where: { editionId: draft }, orderBy: { position: "asc" }, select: { id: true } });
    const fire = (await prisma.dictionaryEntry.findFirstOrThrow({ where: { kind: "DOMAIN", name: "消防" } })).id;
    const yj = (await prisma.orgUnit.findFirstOrThrow({ where: { name: "示例市应急管理局" } })).id;
    const chosen = [items[0].id, items[2].id];
    const before = await prisma.catalogueItem.findMany({ where: { editionId: draft }, orderBy: { id: "asc" } });

    await actAs("chengguan");
    expect(await bulkEditItemsAction({ editionId: draft, itemIds: chosen, domainId: fire })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await actAs("bianban");
    expect(await bulkEditItemsAction({ editionId: draft, itemIds: [], domainId: fire })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { itemIds: "请先勾选要修改的事项" } });
    expect(await bulkEditItemsAction({ editionId: draft, itemIds: chosen })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { domainId: "请选择要设置的领域或实施部门" } });
    expect(await bulkEditItemsAction({ editionId: draft, itemIds: chosen, domainId: (await typeId("行政处罚")) })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { domainId: expect.any(String) } });
    expect(await bulkEditItemsAction({ editionId: draft, itemIds: chosen, departmentId: await prisma.orgUnit.findFirstOrThrow({ where: { name: "东湖街道办事处" } }).then((u) => u.id) })).toMatchObject({ ok: false, fieldErrors: { departmentId: expect.any(String) } });
    const foreign = await prisma.catalogueItem.findFirstOrThrow({ where: { edition: { title: GUIDANCE_TITLE } }, select: { id: true } });
    expect(await bulkEditItemsAction({ editionId: draft, itemIds: [...chosen, foreign.id], domainId: fire })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await prisma.catalogueItem.findMany({ where: { editionId: draft }, orderBy: { id: "asc" } })).toEqual(before);

    const r = await bulkEditItemsAction({ editionId: draft, itemIds: chosen, domainId: fire, departmentId: yj });
    expect(r).toMatchObject({ ok: true, data: { count: 2, domain: "消防", department: "示例市应急管理局" } });
    const after = await prisma.catalogueItem.findMany({ where: { editionId: draft }, orderBy: { position: "asc" }, select: { id: true, domainId: true, departmentId: true, departmentName: true } });
    expect(after[0]).toMatchObject({ domainId: fire, departmentId: yj, departmentName: "示例市应急管理局" });
    expect(after[2]).toMatchObject({ domainId: fire, departmentId: yj });
    expect(after[1].domainId).not.toBe(fire);
    // Only the 领域: the 部门 stays.
    expect(await bulkEditItemsAction({ editionId: draft, itemIds: [items[1].id], domainId: fire })).toMatchObject({ ok: true, data: { count: 1 } });
    expect(await prisma.catalogueItem.findUniqueOrThrow({ where: { id: items[1].id } })).toMatchObject({ domainId: fire, departmentName: before.find((b) => b.id === items[1].id)!.departmentName });
    const audits = await prisma.auditLog.findMany({ where: { action: "catalogue.item.bulkEdit", subjectId: String(draft) }, orderBy: { id: "asc" } });
    expect(audits).toHaveLength(2);
    expect(audits[0].after).toMatchObject({ count: 2, domain: "消防", department: "示例市应急管理局" });
    expect((audits[0].before as { items: { id: number }[] }).items.map((i) => i.id)).toEqual(chosen);

    // An issued edition cannot be bulk-edited.
    const issuedItem = await prisma.catalogueItem.findFirstOrThrow({ where: { edition: { title: GUIDANCE_TITLE } }, select: { id: true, editionId: true } });
    expect(await bulkEditItemsAction({ editionId: issuedItem.editionId, itemIds: [issuedItem.id], domainId: fire })).toMatchObject({ ok: false, code: "LOCKED" });
  });

  it("writes all or nothing: a failure after the items are inserted leaves no trace", async () => {
    const draft = await newDraft("中途失败测试版本");
    const sessionId = await upload(draft, workbook(SAMPLE_ROWS));
    const audits = await prisma.auditLog.count({ where: { action: "catalogue.import" } });
    // Inject a fault: sub-items (written after the main items) cannot be inserted.
    await ownerSql(`CREATE FUNCTION test_fail() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END; $$ LANGUAGE plpgsql`);
    await ownerSql(`CREATE TRIGGER test_fail BEFORE INSERT ON catalogue_sub_item FOR EACH STATEMENT EXECUTE FUNCTION test_fail()`);
    try {
      expect(await commitImportAction({ sessionId })).toMatchObject({ ok: false, code: "INTERNAL" });
    } finally {
      await ownerSql(`DROP TRIGGER test_fail ON catalogue_sub_item; DROP FUNCTION test_fail()`);
    }
    expect(await counts(draft)).toEqual({ items: 0, subItems: 0, reports: 0, sessions: 1 });
    expect(await prisma.auditLog.count({ where: { action: "catalogue.import" } })).toBe(audits);
    // The upload is still there: the same commit now succeeds.
    expect(await commitImportAction({ sessionId })).toMatchObject({ ok: true, data: { items: 3 } });
  });

  it("refuses bad files with a Chinese message and keeps nothing", async () => {
    const draft = await newDraft("坏文件测试版本");
    const before = await snapshot();
    const cases: [string, Uint8Array, RegExp][] = [
      ["图片.xlsx", new Uint8Array(Buffer.from("89504e470d0a1a0a0000000d49484452", "hex")), /不是电子表格.*PNG/],
      ["空文件.xlsx", new Uint8Array(0), /文件为空/],
      ["超大.csv", new Uint8Array(20 * 1024 * 1024 + 1), /文件过大.*20 MB/],
      ["没有表头.csv", new Uint8Array(Buffer.from("甲,乙,丙\n1,2,3\n4,5,6\n")), /未能在任何工作表中识别到表头/],
      ["伪装.xlsx", new Uint8Array(Buffer.from("这不是 Excel 文件，只是一段文字。")), /纯文本而不是 Excel/],
      ["压缩包.xlsx", new Uint8Array(Buffer.from("504b0304140000000000", "hex")), /Excel|压缩包|损坏/],
      ["加密.xlsx", encryptedWorkbook(), /文件已加密/],
    ];
    await actAs("bianban");
    for (const [name, bytes, message] of cases) {
      const r = await uploadImport({ editionId: draft, fileName: name, bytes });
      expect(r, name).toMatchObject({ ok: false, code: "BAD_FILE" });
      if (!r.ok) expect(r.message, name).toMatch(message);
    }
    // Over the limit at the route: refused before the body is read.
    const big = await uploadRoute(new Request("http://test/api/catalogue/import", { method: "POST", headers: { "content-length": String(25 * 1024 * 1024) }, body: "x" }));
    expect(big.status).toBe(413);
    expect((await big.json()).message).toMatch(/文件过大/);
    expect(await snapshot()).toEqual(before);
  });

  it("uploads through the route and answers with the preview's address", async () => {
    const draft = await newDraft("接口上传测试版本");
    const form = new FormData();
    form.append("editionId", String(draft));
    form.append("file", new File([workbook(SAMPLE_ROWS)], "接口.xlsx"));
    const res = await uploadRoute(new Request("http://test/api/catalogue/import", { method: "POST", body: form }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.previewUrl).toBe(`/catalogue/editions/${draft}/import/${body.sessionId}`);
    const bad = new FormData();
    bad.append("editionId", String(draft));
    bad.append("file", new File([Buffer.from("%PDF-1.4")], "文件.pdf"));
    const refused = await uploadRoute(new Request("http://test/api/catalogue/import", { method: "POST", body: bad }));
    expect(refused.status).toBe(422);
    expect((await refused.json()).message).toContain("PDF");
  });

  it("commits each real published list with the counts the parser reports", async () => {
    const files = fs.readdirSync(FIXTURES).filter((f) => /\.(xlsx|xls)$/.test(f)).sort();
    expect(files).toHaveLength(6);
    for (const file of files) {
      const bytes = new Uint8Array(fs.readFileSync(path.join(FIXTURES, file)));
      const parsed = parseWorkbook(Buffer.from(bytes), file);
      expect(parsed.ok, file).toBe(true);
      const draft = await newDraft(`真实清单 ${file}`);
      const r = await commitImportAction({ sessionId: await upload(draft, bytes, file) });
      expect(r, file).toMatchObject({ ok: true });
      const c = await counts(draft);
      expect(c.items, file).toBe(parsed.items.length);
      expect(c.items, file).toBe(parsed.itemCount);
      expect(c.subItems, file).toBe(parsed.subItemCount);
    }
  });
});

describe("dictionaries", () => {
  it("adds, renames and deactivates entries; names and synonyms stay unambiguous", async () => {
    await actAs("bianban");
    const created = await createEntryAction({ kind: "POWER_TYPE", name: "行政备案", synonyms: "备案、备案类事项" });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(await prisma.dictionaryEntry.findUniqueOrThrow({ where: { id: created.data.id } })).toMatchObject({ name: "行政备案", synonyms: ["备案", "备案类事项"], active: true });
    expect(await createEntryAction({ kind: "POWER_TYPE", name: "行政监督" })).toMatchObject({ code: "DUPLICATE", fieldErrors: { name: "「行政监督」已是「行政检查」的名称或同义词" } });
    expect(await createEntryAction({ kind: "POWER_TYPE", name: "行政指导", synonyms: "处罚" })).toMatchObject({ code: "DUPLICATE", fieldErrors: { synonyms: "同义词「处罚」已属于「行政处罚」" } });
    expect((await updateEntryAction({ id: created.data.id, name: "备案管理", synonyms: ["行政备案"] })).ok).toBe(true);
    expect(await prisma.auditLog.count({ where: { action: "dictionary.rename", subjectId: String(created.data.id) } })).toBe(1);

    // A synonym is recognised by the import; a deactivated entry is not offered any more.
    const draft = await newDraft("字典测试版本");
    const bytes = workbook([[1, "对某事项的备案", "", "行政备案", "", "", ""]]);
    const sessionId = await upload(draft, bytes);
    const user = await actAs("bianban");
    expect((await importPreview(sessionId, user!))!.preview!.rows[0]).toMatchObject({ status: "ok", typeName: "备案管理" });
    expect((await setEntryActiveAction({ id: created.data.id, active: false })).ok).toBe(true);
    expect((await importPreview(sessionId, user!))!.preview!.rows[0]).toMatchObject({ status: "error" });
    expect(await createItemAction({ editionId: draft, name: "新事项", powerTypeId: created.data.id })).toMatchObject({ code: "VALIDATION" });
  });
});
