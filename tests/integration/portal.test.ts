import { describe, expect, it } from "vitest";
import { countRows, filterRows } from "@/lib/portal/items";
import { publicList, versionRows } from "@/lib/portal/queries";
import { readPublicList, readVersionCounts, readVersionItems, readVersionRows, type ItemFilter } from "@/lib/portal/read";
import { prisma } from "./helpers";

// The public list page keeps a published version's rows in memory and filters them there; these
// check it against the SQL the open-data API uses, and that a new publication shows at once.


async function publishedLists() {
  return prisma.powerList.findMany({ where: { currentVersionId: { not: null } }, orderBy: { id: "asc" }, select: { id: true, unit: { select: { name: true } } } });
}

describe("the public list page's reads", () => {
  it("reads a list with its unit's district and every version, newest first, and nothing unpublished", async () => {
    const beimen = (await publishedLists()).find((l) => l.unit.name === "北门街道办事处")!;
    const list = await readPublicList(prisma, beimen.id);
    expect(list).toMatchObject({ id: beimen.id, form: "POWER", currentVersionNo: 2, isCurrent: true, unit: { name: "北门街道办事处", kind: "STREET", district: "东湖区" } });
    expect(list!.versions.map((v) => v.versionNo)).toEqual([2, 1]);
    expect(list!.version.publishedAt).toBeInstanceOf(Date);
    expect(list!.version.effectiveAt).toBeInstanceOf(Date);
    const old = await readPublicList(prisma, beimen.id, 1);
    expect(old).toMatchObject({ isCurrent: false, currentVersionNo: 2, version: { versionNo: 1 } });
    expect(await readPublicList(prisma, beimen.id, 3)).toBeNull();
    const draft = await prisma.powerList.findFirstOrThrow({ where: { currentVersionId: null }, select: { id: true } });
    expect(await readPublicList(prisma, draft.id)).toBeNull();
  });

  it("carries the size of the unit's latest 属地管理事项清单 (the page's link to it), or null when it has none", async () => {
    for (const l of await publishedLists()) {
      const list = (await readPublicList(prisma, l.id))!;
      const latest = await prisma.localDutyListVersion.findFirst({ where: { unitId: list.unit.id }, orderBy: { versionNo: "desc" }, select: { itemCount: true } });
      expect(list.localDutyCount, l.unit.name).toBe(latest?.itemCount ?? null);
    }
    const counts = await Promise.all((await publishedLists()).map(async (l) => (await readPublicList(prisma, l.id))!.localDutyCount));
    // The demo city has both kinds: streets with a published local-duty list and streets without.
    expect(counts.some((n) => n !== null) && counts.some((n) => n === null)).toBe(true);
  });

  it("filters and counts in memory exactly as the SQL does", async () => {
    const filters: ItemFilter[] = [{}, { q: "处罚" }, { q: "消防法" }, { q: " 户外 招牌 " }, { q: "TY-QT" }, { type: "行政处罚" }, { type: "未分类" }, { category: "维护公共安全", q: "消防" }, { section: "COOPERATING" }];
    for (const l of await publishedLists()) {
      const list = (await readPublicList(prisma, l.id))!;
      const rows = await readVersionRows(prisma, list.version.id);
      expect(rows).toHaveLength(list.version.itemCount);
      for (const filter of filters) {
        const sql = await readVersionItems(prisma, list.version.id, filter);
        expect(filterRows(rows, filter).map((r) => r.itemKey), `${l.unit.name} ${JSON.stringify(filter)}`).toEqual(sql.map((i) => i.itemKey));
      }
      const counts = await readVersionCounts(prisma, list.version.id);
      const mine = countRows(rows);
      expect(mine.byType).toEqual(counts.byType);
      expect(mine.byCategory).toEqual(counts.byCategory);
      expect([...mine.bySection].sort((a, b) => a.name.localeCompare(b.name))).toEqual([...counts.bySection].sort((a, b) => a.name.localeCompare(b.name)));
    }
  });

  it("shows a new publication at once, while the older version's cached rows stay as published", async () => {
    const beimen = (await publishedLists()).find((l) => l.unit.name === "北门街道办事处")!;
    const before = (await publicList(beimen.id))!;
    const cached = await versionRows(before.version);
    expect(cached.rows).toHaveLength(before.version.itemCount);
    expect(await versionRows(before.version)).toBe(cached);

    // Version 3: the items of version 2 without the first one, as a publication would write it.
    const [v3] = await prisma.$queryRawUnsafe<{ id: number }[]>(
      `INSERT INTO power_list_version (list_id, version_no, form, title, unit_name, document_number, published_at, effective_at, publisher_name, publisher_unit, item_count)
       SELECT list_id, 3, form, title, unit_name, '示例编发〔2026〕99号', now(), effective_at, publisher_name, publisher_unit, item_count - 1
       FROM power_list_version WHERE id = $1 RETURNING id`,
      before.version.id,
    );
    await prisma.$executeRawUnsafe(
      `INSERT INTO power_list_version_item (version_id, list_id, item_key, position, category, category_order, section, source, code, name, power_type, legal_basis, handling_section, search_text)
       SELECT $1, list_id, item_key, position - 1, category, category_order, section, source, code, name, power_type, legal_basis, handling_section, search_text
       FROM power_list_version_item WHERE version_id = $2 AND position > 1`,
      v3.id,
      before.version.id,
    );
    await prisma.powerList.update({ where: { id: beimen.id }, data: { currentVersionId: v3.id } });

    const after = (await readPublicList(prisma, beimen.id))!;
    expect(after).toMatchObject({ currentVersionNo: 3, isCurrent: true, version: { id: v3.id, documentNumber: "示例编发〔2026〕99号" } });
    const fresh = await versionRows(after.version);
    expect(fresh.rows).toHaveLength(before.version.itemCount - 1);
    expect(fresh.rows[0].position).toBe(1);
    // Version 2 is still readable at its own address, with all its items.
    const old = (await readPublicList(prisma, beimen.id, 2))!;
    expect((await versionRows(old.version)).rows).toHaveLength(before.version.itemCount);
  });
});
