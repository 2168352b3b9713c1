import { beforeAll, describe, expect, it } from "vitest";
import { GET as listGET } from "@/app/api/public/lists/[id]/route";
import { GET as listsGET } from "@/app/api/public/lists/route";
import { dbDate, today } from "@/lib/dates";
import { readPublicList, readPublishedLists, searchPublished } from "@/lib/portal/read";
import { indexInForce } from "@/lib/lists/commands";
// @ts-expect-error plain JS module run by node directly (scripts/server.mjs)
import { GENERATION_SQL } from "@/scripts/page-cache.mjs";
import { prisma } from "./helpers";

// 现行 follows the 施行日期 (issue 12): a version published today that takes effect next week is
// not 现行 until that day, in the portal's reads and the open-data API alike.


const day = today();
const plusDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const nextWeek = plusDays(day, 7);
const [y, m, d] = nextWeek.split("-").map(Number);
const notice = `将于${y}年${m}月${d}日施行`;

let listId = 0;

describe("a version published today that takes effect next week", () => {
  beforeAll(async () => {
    const list = await prisma.powerList.findFirstOrThrow({
      where: { currentVersionId: { not: null }, unit: { name: "北门街道办事处" } },
      select: { id: true, currentVersionId: true, currentVersion: { select: { versionNo: true } } },
    });
    listId = list.id;
    const next = list.currentVersion!.versionNo + 1;
    // What a publication writes: the new version (here the same items) and the list's latest version.
    const [v] = await prisma.$queryRawUnsafe<{ id: number }[]>(
      `INSERT INTO power_list_version (list_id, version_no, form, title, unit_name, document_number, published_at, effective_at, publisher_name, publisher_unit, item_count)
       SELECT list_id, $2, form, title, unit_name, '示例编发〔2026〕77号', now(), $3, publisher_name, publisher_unit, item_count
       FROM power_list_version WHERE id = $1 RETURNING id`,
      list.currentVersionId,
      next,
      dbDate(nextWeek),
    );
    await prisma.$executeRawUnsafe(
      `INSERT INTO power_list_version_item (version_id, list_id, item_key, position, category, category_order, section, source, code, name, power_type, legal_basis, handling_section, search_text)
       SELECT $1, list_id, item_key, position, category, category_order, section, source, code, name, power_type, legal_basis, handling_section, search_text
       FROM power_list_version_item WHERE version_id = $2`,
      v.id,
      list.currentVersionId,
    );
    await prisma.powerList.update({ where: { id: listId }, data: { currentVersionId: v.id } });
  });

  it("is not 现行 before its 施行日期: the portal shows the one before, and says when the new one takes effect", async () => {
    const list = (await readPublicList(prisma, listId))!;
    expect(list).toMatchObject({ currentVersionNo: 2, latestVersionNo: 3, isCurrent: true, upcoming: false, version: { versionNo: 2 } });
    const upcoming = (await readPublicList(prisma, listId, 3))!;
    expect(upcoming).toMatchObject({ currentVersionNo: 2, isCurrent: false, upcoming: true, version: { versionNo: 3, documentNumber: "示例编发〔2026〕77号" } });

    const { items } = await readPublishedLists(prisma, { page: 1, pageSize: 500 });
    expect(items.find((l) => l.id === listId)).toMatchObject({ versionNo: 2, upcoming: false });
  });

  it("is 现行 from its 施行日期 on", async () => {
    expect(await readPublicList(prisma, listId, null, nextWeek)).toMatchObject({ currentVersionNo: 3, isCurrent: true, upcoming: false, version: { versionNo: 3 } });
    expect(await readPublicList(prisma, listId, null, plusDays(nextWeek, -1))).toMatchObject({ currentVersionNo: 2, version: { versionNo: 2 } });
    const { items } = await readPublishedLists(prisma, { page: 1, pageSize: 500 }, nextWeek);
    expect(items.find((l) => l.id === listId)).toMatchObject({ versionNo: 3, upcoming: false });
  });

  it("the open-data API agrees", async () => {
    const res = await listGET(new Request(`http://app.test/api/public/lists/${listId}`), { params: Promise.resolve({ id: String(listId) }) });
    const body = await res.json();
    expect(body.version).toMatchObject({ number: 2, current: true });
    expect(body.currentVersion).toBe(2);
    expect(body.versions[0]).toMatchObject({ number: 3, current: false, notice, effectiveAt: nextWeek });
    expect(body.versions[1]).toMatchObject({ number: 2, current: true });
    expect(body.versions[1].notice).toBeUndefined();

    const v3 = await (await listGET(new Request(`http://app.test/api/public/lists/${listId}?version=3`), { params: Promise.resolve({ id: String(listId) }) })).json();
    // Naming its version, the answer is cached for a year: the notice is only in the current one.
    expect(v3.version).toMatchObject({ number: 3, effectiveAt: nextWeek });
    expect(v3.version.notice).toBeUndefined();

    const all = await (await listsGET(new Request("http://app.test/api/public/lists?pageSize=100"))).json();
    expect(all.items.find((l: { id: number }) => l.id === listId)).toMatchObject({ version: 2, inForce: true });
  });

  it("a list whose first version is still to come shows it with its notice, and no 现行", async () => {
    const other = await prisma.powerList.findFirstOrThrow({ where: { currentVersionId: { not: null }, id: { not: listId } }, select: { id: true, currentVersionId: true } });
    const versions = await prisma.powerListVersion.findMany({ where: { listId: other.id }, select: { versionNo: true } });
    // Read as of a day before every version of that list took effect.
    const list = (await readPublicList(prisma, other.id, null, "2000-01-01"))!;
    expect(list).toMatchObject({ currentVersionNo: null, isCurrent: false, upcoming: true, version: { versionNo: Math.min(...versions.map((v) => v.versionNo)) } });
  });

  it("the cross-list search holds the version in force, and moves to the new one on its 施行日期", async () => {
    // A name only version 3 has.
    const v3 = await prisma.powerListVersion.findFirstOrThrow({ where: { listId, versionNo: 3 }, select: { id: true, itemCount: true } });
    // (Versions are immutable to the app's role: the item is added the way a publication writes it.)
    await prisma.$executeRawUnsafe(
      `INSERT INTO power_list_version_item (version_id, list_id, item_key, position, category, category_order, section, source, code, name, power_type, legal_basis, handling_section, search_text)
       SELECT version_id, list_id, 'new-in-3', 9999, category, category_order, section, source, NULL, '对新版本才有的违规行为的处罚', power_type, legal_basis, handling_section, '对新版本才有的违规行为的处罚'
       FROM power_list_version_item WHERE version_id = $1 ORDER BY position LIMIT 1`,
      v3.id,
    );
    const found = async () => (await searchPublished(prisma, { q: "新版本才有的违规", page: 1, pageSize: 20 })).total;
    const rowsOf = (versionId: number) => prisma.powerListSearch.count({ where: { listId, versionId } });
    const [generationBefore] = await prisma.$queryRawUnsafe<{ generation: string }[]>(GENERATION_SQL);

    // Publishing indexes the version in force: still version 2 today, and the day before next week.
    expect(await indexInForce(prisma, [listId])).toEqual([]);
    expect(await indexInForce(prisma, null, plusDays(nextWeek, -1))).toEqual([]);
    expect(await found()).toBe(0);
    expect(await rowsOf(v3.id)).toBe(0);

    // On its day the scheduled check moves this list's rows to version 3, once, whoever runs it.
    expect(await indexInForce(prisma, null, nextWeek)).toEqual([listId]);
    expect(await indexInForce(prisma, null, nextWeek)).toEqual([]);
    expect(await rowsOf(v3.id)).toBe(v3.itemCount + 1);
    expect(await prisma.powerListSearch.count({ where: { listId, versionId: { not: v3.id } } })).toBe(0);
    expect(await found()).toBe(1);
    // Cached public pages and search answers are dropped: the generation moved.
    const [generationAfter] = await prisma.$queryRawUnsafe<{ generation: string }[]>(GENERATION_SQL);
    expect(generationAfter.generation).not.toBe(generationBefore.generation);

    // Back to today's version for whatever runs next.
    expect(await indexInForce(prisma, null)).toEqual([listId]);
    expect(await found()).toBe(0);
  });

  it("the public page cache's generation changes with the day in China", async () => {
    const [row] = await prisma.$queryRawUnsafe<{ generation: string }[]>(GENERATION_SQL);
    expect(row.generation.startsWith(`${day}.`)).toBe(true);
  });

  it("the generation, read every second on every server, reads power_list in one scan", async () => {
    const [{ "QUERY PLAN": plan }] = await prisma.$queryRawUnsafe<{ "QUERY PLAN": unknown }[]>(`EXPLAIN (FORMAT JSON) ${GENERATION_SQL}`);
    expect(JSON.stringify(plan).match(/"Relation Name":\s*"power_list"/g)).toHaveLength(1);
  });
});

describe("the version a list shows: in force, else the first (lib/lists/in-force.ts shownVersionSql)", () => {
  /** A new street's list with versions (number, 施行日期), its latest published as a publication leaves it. */
  async function listWith(name: string, versions: [number, string][], status: "PUBLISHED" | "DRAFTING" = "PUBLISHED") {
    const unit = await prisma.orgUnit.create({ data: { name, kind: "STREET", parentId: (await prisma.orgUnit.findFirstOrThrow({ where: { name: "东湖区" } })).id } });
    const list = await prisma.powerList.create({ data: { unitId: unit.id, title: `${name}职权清单`, status } });
    const ids = new Map<number, number>();
    for (const [no, effective] of versions) {
      const [v] = await prisma.$queryRawUnsafe<{ id: number }[]>(
        `INSERT INTO power_list_version (list_id, version_no, form, title, unit_name, document_number, published_at, effective_at, publisher_name, publisher_unit, item_count)
         VALUES ($1, $2, 'POWER', $3, $4, $5, now(), $6, '测试', '示例市委编办', 0) RETURNING id`,
        list.id, no, `${name}职权清单`, name, `${name}〔2026〕${no}号`, dbDate(effective),
      );
      ids.set(no, v.id);
    }
    if (versions.length) await prisma.powerList.update({ where: { id: list.id }, data: { currentVersionId: ids.get(Math.max(...versions.map(([no]) => no))) } });
    return { id: list.id, name, ids };
  }

  /** What every reader shows on `on`: the page's version and 现行, the directory's version, the search's version. */
  async function shown(list: { id: number; name: string; ids: Map<number, number> }, on: string) {
    const page = await readPublicList(prisma, list.id, null, on);
    const directory = (await readPublishedLists(prisma, { q: list.name, page: 1, pageSize: 10 }, on)).items.find((l) => l.id === list.id);
    await indexInForce(prisma, [list.id], on);
    const indexed = (await prisma.powerList.findUniqueOrThrow({ where: { id: list.id }, select: { indexedVersionId: true } })).indexedVersionId;
    const byId = new Map([...list.ids].map(([no, id]) => [id, no]));
    return { page: page?.version.versionNo ?? null, current: page?.currentVersionNo ?? null, directory: directory?.versionNo ?? null, search: indexed === null ? null : byId.get(indexed) };
  }

  it("a list with no published version shows nowhere", async () => {
    const list = await listWith("规则测试草稿街道", []);
    expect(await shown(list, "2026-12-06")).toEqual({ page: null, current: null, directory: null, search: null });
  });

  it("a first version published with a future 施行日期 shows at once, not 现行 until its day", async () => {
    const list = await listWith("规则测试待施行街道", [[1, "2026-12-27"]]);
    expect(await shown(list, "2026-12-06")).toEqual({ page: 1, current: null, directory: 1, search: 1 });
    expect(await shown(list, "2026-12-27")).toEqual({ page: 1, current: 1, directory: 1, search: 1 });
  });

  it("a later version takes over on its 施行日期; the one it supersedes until then", async () => {
    const list = await listWith("规则测试更替街道", [[1, "2026-01-01"], [2, "2026-06-01"], [3, "2026-12-27"]]);
    expect(await shown(list, "2026-05-31")).toEqual({ page: 1, current: 1, directory: 1, search: 1 });
    expect(await shown(list, "2026-12-26")).toEqual({ page: 2, current: 2, directory: 2, search: 2 });
    expect(await shown(list, "2026-12-27")).toEqual({ page: 3, current: 3, directory: 3, search: 3 });
  });

  it("goes by version number when an adjustment takes effect before the version it replaces", async () => {
    const list = await listWith("规则测试调整街道", [[1, "2026-12-10"], [2, "2026-12-01"]]);
    expect(await shown(list, "2026-12-15")).toEqual({ page: 2, current: 2, directory: 2, search: 2 });
    expect(await shown(list, "2026-12-05")).toEqual({ page: 2, current: 2, directory: 2, search: 2 });
  });

  it("a list taken back into drafting after publication still shows its published version", async () => {
    const list = await listWith("规则测试修订街道", [[1, "2026-01-01"], [2, "2027-01-01"]], "DRAFTING");
    expect(await shown(list, "2026-12-06")).toEqual({ page: 1, current: 1, directory: 1, search: 1 });
  });
});
