import fs from "node:fs";
import { describe, expect, it } from "vitest";
import {
  createListTypeAction,
  createTypedListAction,
  deleteListTypeAction,
  publishTypedListAction,
  reactivateListTypeAction,
  removeTypedRowAction,
  retireListTypeAction,
  reviewTypedListAction,
  saveTypedRowAction,
  submitTypedListAction,
} from "@/lib/list-types/actions";
import { listTypeForEdit } from "@/lib/list-types/queries";
import { todosFor } from "@/lib/todo";
import { listTypesForAdmin, publicTypedList, publishedTypedLists, searchTypedRows, typedListsOverview, unitsWithoutList } from "@/lib/list-types/queries";
import { latestPublications } from "@/lib/portal/queries";
import { actAs, auditCount, prisma, unitId } from "./helpers";

// 各类清单 on the public portal beside the 职权清单 (issue 13): the cross-list search finds their
// rows, the home page's 最近公布 lists their publications, the open-data API diffs their versions.


const rev = async (listId: number) => (await prisma.typedList.findUniqueOrThrow({ where: { id: listId } })).revision;

/** A type without review stages and a published list of it for a unit, with the given row names. */
async function publishedList(code: string, unit: string, names: string[]) {
  await actAs("bianban");
  const type = await createListTypeAction({
    code,
    name: `${code}清单`,
    unitKinds: ["STREET", "TOWNSHIP"],
    fields: [
      { key: "name", label: "事项名称", type: "text", required: true },
      { key: "office", label: "承办科室", type: "department", required: false },
    ],
    sections: [],
    stages: [],
  } as never);
  if (!type.ok) throw new Error(type.message);
  const list = await createTypedListAction({ typeId: type.data.id, unitId: await unitId(unit) });
  if (!list.ok) throw new Error(list.message);
  for (const name of names) expect((await saveTypedRowAction({ listId: list.data.id, revision: await rev(list.data.id), v: { name, office: "综合办公室" } })).ok).toBe(true);
  const v = await publishTypedListAction({ listId: list.data.id, revision: await rev(list.data.id), documentNumber: `${code}〔2026〕1号` });
  if (!v.ok) throw new Error(v.message);
  return { typeId: type.data.id, listId: list.data.id, typeName: `${code}清单` };
}

describe("the cross-list search finds typed-list rows", () => {
  it("finds a seeded row of 清河镇's list by any cell, with its type, list and unit", async () => {
    const r = await searchTypedRows({ q: "高龄津贴", limit: 20 });
    expect(r.total).toBe(1);
    expect(r.hits[0]).toMatchObject({ name: "高龄津贴申请", type: { code: "xz-village-service" }, unit: { name: "清河镇人民政府" }, list: { versionNo: 1 } });
    const list = await prisma.typedList.findUniqueOrThrow({ where: { id: r.hits[0].list.id }, include: { type: true } });
    expect(r.hits[0].type.name).toBe(list.type.name);
    expect(r.hits[0].list.title).toBe(list.title);
    // Another column than the name (承办单位), matched like the power-list search: spaces and case do not count.
    expect((await searchTypedRows({ q: "县医疗 保障局", limit: 20 })).hits.map((h) => h.name)).toContain("城乡居民医疗保险参保缴费");
    // The open-data search gives the same rows beside the 职权清单's items.
    const { GET: searchGET } = await import("@/app/api/public/search/route");
    const api = (await (await searchGET(new Request("http://portal.test/api/public/search?q=%E9%AB%98%E9%BE%84%E6%B4%A5%E8%B4%B4"))).json()) as { typedItems: unknown[]; typedTotal: number };
    expect(api.typedTotal).toBe(1);
    expect(api.typedItems[0]).toMatchObject({ name: "高龄津贴申请", type: "xz-village-service", list: { id: list.id, url: `http://portal.test/typed-lists/${list.id}` }, url: expect.stringMatching(new RegExp(`/typed-lists/${list.id}#row-`)) });
    // Too short a query finds nothing rather than everything.
    expect(await searchTypedRows({ q: "高", limit: 20 })).toMatchObject({ total: 0, hits: [] });
  });

  it("reads only current versions: a row removed by the next version is no longer found, and the district filter holds", async () => {
    const { listId } = await publishedList("demo-search", "东湖街道办事处", ["测试检索甲事项", "测试检索乙事项"]);
    expect((await searchTypedRows({ q: "测试检索", limit: 20 })).hits.map((h) => h.name)).toEqual(["测试检索甲事项", "测试检索乙事项"]);
    const draft = (await prisma.typedList.findUniqueOrThrow({ where: { id: listId } })).rows as { key: string }[];
    expect((await removeTypedRowAction({ listId, revision: await rev(listId), rowKey: draft[0].key })).ok).toBe(true);
    // Still the published version until the next one is published.
    expect((await searchTypedRows({ q: "测试检索甲", limit: 20 })).total).toBe(1);
    expect((await publishTypedListAction({ listId, revision: await rev(listId), documentNumber: "demo-search〔2026〕2号" })).ok).toBe(true);
    expect(await searchTypedRows({ q: "测试检索甲", limit: 20 })).toMatchObject({ total: 0, hits: [] });
    const hit = (await searchTypedRows({ q: "测试检索乙", limit: 20 })).hits;
    expect(hit).toMatchObject([{ list: { id: listId, versionNo: 2 }, unit: { name: "东湖街道办事处" } }]);

    const donghu = (await prisma.orgUnit.findFirstOrThrow({ where: { name: "东湖区" } })).id;
    const xishan = (await prisma.orgUnit.findFirstOrThrow({ where: { name: "西山县" } })).id;
    expect((await searchTypedRows({ q: "测试检索乙", district: donghu, limit: 20 })).total).toBe(1);
    expect((await searchTypedRows({ q: "测试检索乙", district: xishan, limit: 20 })).total).toBe(0);
  });
});

describe("the typed_list_search migration", () => {
  it("backfills the same rows the app writes on publication", async () => {
    const sql = fs.readFileSync("prisma/migrations/20261207180000_typed_list_search/migration.sql", "utf8");
    const select = sql.slice(sql.indexOf("SELECT l.id")).replace(/;\s*$/, "");
    type Row = { list_id: number; version_id: number; row_key: string; position: number; name: string; text: string };
    const backfill = await prisma.$queryRawUnsafe<Row[]>(`SELECT * FROM (${select}) AS b(list_id, version_id, row_key, position, name, text) ORDER BY list_id, position`);
    const written = await prisma.$queryRawUnsafe<Row[]>(`SELECT list_id, version_id, row_key, position, name, text FROM typed_list_search ORDER BY list_id, position`);
    expect(backfill.length).toBeGreaterThan(0);
    const shape = (r: Row) => [r.list_id, r.version_id, r.row_key, r.position, r.name];
    expect(backfill.map(shape)).toEqual(written.map(shape));
    // The text: the section and every cell as shown, normalised as the app does it.
    expect(backfill.map((r) => r.text)).toEqual(written.map((r) => r.text));
  });
});

describe("最近公布 on the portal home", () => {
  it("lists typed-list publications beside the 职权清单's, newest first, each with its type and link", async () => {
    const { listId, typeName } = await publishedList("demo-latest", "东湖街道办事处", ["最近公布测试事项"]);
    const latest = await latestPublications(8);
    expect(latest[0]).toMatchObject({ href: `/typed-lists/${listId}`, typeName, versionNo: 1, count: 1, documentNumber: "demo-latest〔2026〕1号" });
    expect((await latestPublications(40)).some((v) => v.href.startsWith("/lists/") && v.typeName === "职权清单")).toBe(true);
    const times = latest.map((v) => v.publishedAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });
});

describe("GET /api/public/typed-lists/{id}/diff", () => {
  const BASE = "http://portal.test";
  const diffGET = async (id: number | string, query: string) => {
    const { GET } = await import("@/app/api/public/typed-lists/[id]/diff/route");
    const res = await GET(new Request(`${BASE}/api/public/typed-lists/${id}/diff${query}`), { params: Promise.resolve({ id: String(id) }) });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> & { error?: { code: string; message: string; parameter?: string } } };
  };

  it("gives the rows added, removed and changed between two versions, each by its own version's columns", async () => {
    const { listId } = await publishedList("demo-diff", "南岸街道办事处", ["差异甲", "差异乙", "差异丙"]);
    const rows = (await prisma.typedList.findUniqueOrThrow({ where: { id: listId } })).rows as { key: string; values: Record<string, string> }[];
    await actAs("bianban");
    expect((await removeTypedRowAction({ listId, revision: await rev(listId), rowKey: rows[0].key })).ok).toBe(true);
    expect((await saveTypedRowAction({ listId, revision: await rev(listId), rowKey: rows[1].key, v: { name: "差异乙", office: "党政办公室" } })).ok).toBe(true);
    expect((await saveTypedRowAction({ listId, revision: await rev(listId), v: { name: "差异丁" } })).ok).toBe(true);
    expect((await publishTypedListAction({ listId, revision: await rev(listId), documentNumber: "demo-diff〔2026〕2号" })).ok).toBe(true);

    const { status, json } = await diffGET(listId, "?from=1&to=2");
    expect(status).toBe(200);
    expect(json).toMatchObject({
      list: { id: listId, type: "demo-diff", title: "南岸街道办事处demo-diff清单", url: `${BASE}/typed-lists/${listId}` },
      from: { version: 1, documentNumber: "demo-diff〔2026〕1号", itemCount: 3 },
      to: { version: 2, documentNumber: "demo-diff〔2026〕2号", itemCount: 3 },
      added: [{ key: expect.any(String), section: null, values: { name: "差异丁", office: "" }, text: { name: "差异丁" } }],
      removed: [{ key: rows[0].key, values: { name: "差异甲", office: "综合办公室" } }],
      changed: [{ key: rows[1].key, name: "差异乙", changes: [{ field: "office", label: "承办科室", before: "综合办公室", after: "党政办公室" }] }],
      unchanged: 1,
    });
    // The other way round swaps added and removed.
    const back = await diffGET(listId, "?from=2&to=1");
    expect(back.json).toMatchObject({ added: [{ values: { name: "差异甲" } }], removed: [{ values: { name: "差异丁" } }] });
  });

  it("refuses bad parameters and unknown versions or lists with Chinese messages", async () => {
    const seeded = await prisma.typedList.findFirstOrThrow({ where: { currentVersionId: { not: null }, type: { code: "xz-info-sharing" } } });
    expect(await diffGET(seeded.id, "?from=1")).toMatchObject({ status: 400, json: { error: { code: "INVALID_PARAMETER", parameter: "to" } } });
    expect(await diffGET(seeded.id, "?from=1&to=x")).toMatchObject({ status: 400, json: { error: { parameter: "to" } } });
    expect(await diffGET(seeded.id, "?from=1&to=2&q=1")).toMatchObject({ status: 400 });
    const missing = await diffGET(seeded.id, "?from=1&to=9");
    expect(missing).toMatchObject({ status: 404, json: { error: { code: "NOT_FOUND", parameter: "to" } } });
    expect(missing.json.error!.message).toContain("没有第 9 版");
    expect(await diffGET(999999, "?from=1&to=1")).toMatchObject({ status: 404, json: { error: { message: "找不到该清单，或该清单尚未公布。" } } });
    // A draft that was never published is not there.
    await actAs("bianban");
    const type = await prisma.listType.findFirstOrThrow({ where: { code: "xz-info-sharing" } });
    const draft = await createTypedListAction({ typeId: type.id, unitId: await unitId("东湖街道办事处") });
    if (!draft.ok) throw new Error(draft.message);
    expect(await diffGET(draft.data.id, "?from=1&to=1")).toMatchObject({ status: 404 });
    // The same version on both sides: nothing changed.
    expect((await diffGET(seeded.id, "?from=1&to=1")).json).toMatchObject({ added: [], removed: [], changed: [] });
  });
});

describe("deleting and retiring (停用) a list type", () => {
  const typeRev = async (typeId: number) => (await prisma.listType.findUniqueOrThrow({ where: { id: typeId } })).revision;

  it("编办 deletes a type no list uses (audited); only the city 编办 may, and a stale revision is a conflict", async () => {
    await actAs("bianban");
    const created = await createListTypeAction({ code: "demo-unused", name: "未使用的类型", unitKinds: ["STREET"], fields: [{ key: "name", label: "事项名称", type: "text", required: true }], sections: [], stages: [] } as never);
    if (!created.ok) throw new Error(created.message);
    const typeId = created.data.id;
    expect((await listTypesForAdmin()).find((t) => t.id === typeId)).toMatchObject({ listCount: 0, retired: false });
    for (const who of ["jiedao", "donghu", "sifa"]) {
      await actAs(who);
      expect(await deleteListTypeAction({ typeId, revision: await typeRev(typeId) }), who).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await retireListTypeAction({ typeId, revision: await typeRev(typeId) }), who).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    await actAs("bianban");
    expect(await deleteListTypeAction({ typeId, revision: (await typeRev(typeId)) - 1 || 99 })).toMatchObject({ ok: false, code: "CONFLICT" });
    const before = await auditCount({ action: "listType.delete" });
    expect(await deleteListTypeAction({ typeId, revision: await typeRev(typeId) })).toMatchObject({ ok: true });
    expect(await prisma.listType.findUnique({ where: { id: typeId } })).toBeNull();
    expect(await auditCount({ action: "listType.delete", subjectId: String(typeId) })).toBe(1);
    expect(await auditCount({ action: "listType.delete" })).toBe(before + 1);
    expect(await deleteListTypeAction({ typeId, revision: 1 })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("a used type cannot be deleted; 停用 stops new lists while existing ones stay readable, editable and published; 启用 allows them again", async () => {
    const { typeId, listId } = await publishedList("demo-retire", "东湖街道办事处", ["停用测试事项"]);
    await actAs("bianban");
    const refused = await deleteListTypeAction({ typeId, revision: await typeRev(typeId) });
    expect(refused).toMatchObject({ ok: false, code: "INVALID_STATE" });
    expect(refused.ok ? "" : refused.message).toContain("不能删除；不再使用时可以停用");
    expect(await prisma.listType.findUnique({ where: { id: typeId } })).not.toBeNull();

    const audits = await auditCount({ action: "listType.retire", subjectId: String(typeId) });
    expect(await retireListTypeAction({ typeId, revision: await typeRev(typeId) })).toMatchObject({ ok: true });
    expect(await auditCount({ action: "listType.retire", subjectId: String(typeId) })).toBe(audits + 1);
    expect(await retireListTypeAction({ typeId, revision: await typeRev(typeId) })).toMatchObject({ ok: false, code: "INVALID_STATE" });
    expect((await listTypesForAdmin()).find((t) => t.id === typeId)).toMatchObject({ retired: true, listCount: 1 });

    // No new list of it, for any unit; no unit is offered.
    const nanan = await unitId("南岸街道办事处");
    const lists = await prisma.typedList.count();
    const created = await createTypedListAction({ typeId, unitId: nanan });
    expect(created).toMatchObject({ ok: false, code: "INVALID_STATE" });
    expect(created.ok ? "" : created.message).toBe("「demo-retire清单」已停用，不能新建此类清单。");
    expect(await prisma.typedList.count()).toBe(lists);
    const bianban = (await actAs("bianban"))!;
    expect(await unitsWithoutList(typeId, bianban)).toEqual([]);
    // The type still shows where lists of it exist, and nowhere else.
    expect((await typedListsOverview(bianban)).types.find((t) => t.id === typeId)).toMatchObject({ retired: true });
    const shequ = (await actAs("shequ"))!;
    expect((await typedListsOverview(shequ)).types.some((t) => t.id === typeId)).toBe(false);

    // The published list stays on the portal and in the search; the existing list can still be changed and published.
    expect(await publicTypedList(listId)).toMatchObject({ id: listId, currentVersionNo: 1 });
    expect((await publishedTypedLists({ type: "demo-retire", page: 1, pageSize: 20 })).total).toBe(1);
    expect((await searchTypedRows({ q: "停用测试事项", limit: 5 })).total).toBe(1);
    await actAs("bianban");
    expect((await saveTypedRowAction({ listId, revision: await rev(listId), v: { name: "停用后补充事项" } })).ok).toBe(true);
    expect(await publishTypedListAction({ listId, revision: await rev(listId), documentNumber: "demo-retire〔2026〕2号" })).toMatchObject({ ok: true, data: { versionNo: 2 } });

    // 启用 again: new lists may be drafted.
    expect(await reactivateListTypeAction({ typeId, revision: await typeRev(typeId) })).toMatchObject({ ok: true });
    expect(await auditCount({ action: "listType.reactivate", subjectId: String(typeId) })).toBe(1);
    expect(await reactivateListTypeAction({ typeId, revision: await typeRev(typeId) })).toMatchObject({ ok: false, code: "INVALID_STATE" });
    expect(await createTypedListAction({ typeId, unitId: nanan })).toMatchObject({ ok: true });
  });
});

describe("review stages that name a reviewing unit", () => {
  it("the seeded 徐州 types' 合法性审查 was reviewed by 司法局 itself, 编办审核 by 编办", async () => {
    const list = await prisma.typedList.findFirstOrThrow({ where: { type: { code: "xz-public-service" } }, include: { opinions: { orderBy: { id: "asc" } } } });
    expect(list.opinions.map((o) => [o.stageName, o.unitName])).toEqual([
      ["合法性审查", "示例市司法局"],
      ["编办审核", "示例市委编办"],
    ]);
  });


  it("a stage names 司法局: its users see the list in their to-do, read it and record the opinion; 编办 reviews the other stages and publishes", async () => {
    await actAs("bianban");
    const def = (stages: string[], code = "demo-stages") => ({
      code,
      name: `${code}清单`,
      unitKinds: ["STREET", "TOWNSHIP"],
      fields: [{ key: "name", label: "事项名称", type: "text", required: true }],
      sections: [],
      stages,
    }) as never;
    const types = await prisma.listType.count();
    const unknown = await createListTypeAction(def(["编办审核", "合法性审查：不存在的局"]));
    expect(unknown).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { stages: "第 2 个审核环节：找不到审核单位「不存在的局」（请填写单位全称，或「编办」）" } });
    expect(await prisma.listType.count()).toBe(types);
    // A street does not review.
    expect(await createListTypeAction(def(["合法性审查：东湖街道办事处"]))).toMatchObject({ ok: false, code: "VALIDATION" });

    const created = await createListTypeAction(def(["编办审核", "合法性审查：示例市司法局"]));
    if (!created.ok) throw new Error(created.message);
    const typeId = created.data.id;
    const sifaUnit = await unitId("示例市司法局");
    expect((await prisma.listType.findUniqueOrThrow({ where: { id: typeId } })).stages).toEqual([{ name: "编办审核", unitId: null }, { name: "合法性审查", unitId: sifaUnit }]);
    expect(await listTypeForEdit(typeId)).toMatchObject({ stages: ["编办审核", "合法性审查"], stageLines: ["编办审核", "合法性审查：示例市司法局"], stageLabels: ["编办审核", "合法性审查（示例市司法局）"] });

    const list = await createTypedListAction({ typeId, unitId: await unitId("东湖街道办事处") });
    if (!list.ok) throw new Error(list.message);
    const listId = list.data.id;
    expect((await saveTypedRowAction({ listId, revision: await rev(listId), v: { name: "合法性审查测试事项" } })).ok).toBe(true);
    expect((await submitTypedListAction({ listId, revision: await rev(listId) })).ok).toBe(true);

    // Stage 1 is 编办's: 司法局 can neither see it waiting nor review it.
    const sifa = (await actAs("sifa"))!;
    expect((await todosFor(sifa)).some((t) => t.href.startsWith(`/typed-lists/manage/${listId}`))).toBe(false);
    expect(await reviewTypedListAction({ listId, revision: await rev(listId), decision: "approve", opinion: "越权" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const bianban = (await actAs("bianban"))!;
    expect((await todosFor(bianban)).map((t) => t.title)).toContain(`审核「东湖街道办事处demo-stages清单」（编办审核）`);
    expect((await reviewTypedListAction({ listId, revision: await rev(listId), decision: "approve", opinion: "编办同意。" })).ok).toBe(true);

    // Stage 2 is 司法局's: 编办 may not give its opinion, 司法局 may.
    expect(await reviewTypedListAction({ listId, revision: await rev(listId), decision: "approve", opinion: "编办代审" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await todosFor(bianban)).some((t) => t.href.startsWith(`/typed-lists/manage/${listId}`))).toBe(false);
    await actAs("sifa");
    expect((await todosFor(sifa)).find((t) => t.href.startsWith(`/typed-lists/manage/${listId}`))).toMatchObject({ title: `审核「东湖街道办事处demo-stages清单」（合法性审查）` });
    // It reads the lists of the types whose stages name it (this one, and the seeded 徐州 types' 合法性审查), no others.
    const overview = await typedListsOverview(sifa);
    expect(overview.types.map((t) => t.id)).toContain(typeId);
    expect(overview.types.every((t) => t.stageDefs.some((st) => st.unitId === sifaUnit))).toBe(true);
    expect(overview.lists.map((l) => l.id)).toContain(listId);
    expect(overview.lists.every((l) => overview.types.some((t) => t.id === l.typeId))).toBe(true);
    expect(overview.types.some((t) => t.code === "demo-unused" || t.code === "demo-search")).toBe(false);
    // Another department sees nothing and may not review.
    const chengguan = (await actAs("chengguan"))!;
    expect((await typedListsOverview(chengguan)).lists).toEqual([]);
    expect(await reviewTypedListAction({ listId, revision: await rev(listId), decision: "approve", opinion: "越权" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await actAs("sifa");
    const before = await auditCount({ action: "typedList.review", subjectId: String(listId) });
    expect((await reviewTypedListAction({ listId, revision: await rev(listId), decision: "approve", opinion: "经审查，合法。" })).ok).toBe(true);
    expect(await auditCount({ action: "typedList.review", subjectId: String(listId) })).toBe(before + 1);
    const opinions = await prisma.typedListOpinion.findMany({ where: { listId }, orderBy: { id: "asc" } });
    expect(opinions.map((o) => [o.stageName, o.unitName, o.text])).toEqual([
      ["编办审核", "示例市委编办", "编办同意。"],
      ["合法性审查", "示例市司法局", "经审查，合法。"],
    ]);
    expect(await publishTypedListAction({ listId, revision: await rev(listId), documentNumber: "x〔2026〕1号" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await actAs("bianban");
    expect((await todosFor(bianban)).map((t) => t.title)).toContain("「东湖街道办事处demo-stages清单」审核已完成，待公布");
    expect(await publishTypedListAction({ listId, revision: await rev(listId), documentNumber: "东编发〔2026〕31号" })).toMatchObject({ ok: true, data: { versionNo: 1 } });
  });
});
