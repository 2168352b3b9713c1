// The public portal's and open-data API's reads. Only published versions are ever read here:
// every query starts from power_list_version (or the search rows of current versions), so no
// draft can leak. Functions take the client so the bench can time them outside Next.js.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { DutySection, ListItemSource, OrgKind, PowerListForm } from "@/lib/generated/prisma/enums";
import { diffVersions, type DiffItem, type VersionDiff } from "@/lib/lists/diff";
import { ITEM_FIELDS, type ItemField } from "@/lib/lists/labels";
import { bigrams, likeEscape, searchQuery } from "@/lib/lists/text";
import type { ListRow } from "./items";
import { today } from "@/lib/dates";
import { isUpcoming, shownVersionSql } from "@/lib/lists/in-force";
import { DISTRICT_ID_SQL, DISTRICT_NAME_SQL, UNIT_ANCESTORS_JOIN } from "@/lib/portal/unit-sql";

type Db = Pick<PrismaClient, "powerList" | "powerListVersion" | "powerListVersionItem" | "orgUnit" | "$queryRawUnsafe">;

type UnitRow = { id: number; name: string; kind: OrgKind; parent: { id: number; name: string; kind: OrgKind; parent: { id: number; name: string; kind: OrgKind } | null } | null };

/** The district (区、县) a street or community belongs to, if any. */
export function districtOf(unit: UnitRow): { id: number; name: string } | null {
  for (let u: { id: number; name: string; kind: OrgKind; parent?: unknown } | null = unit.parent; u; u = (u as UnitRow).parent ?? null) {
    if (u.kind === "DISTRICT") return { id: u.id, name: u.name };
  }
  return null;
}

export type PublicUnit = { id: number; name: string; kind: OrgKind; district: string | null; districtId: number | null; parentName: string | null };

function publicUnit(unit: UnitRow): PublicUnit {
  const d = districtOf(unit);
  return { id: unit.id, name: unit.name, kind: unit.kind, district: d?.name ?? null, districtId: d?.id ?? null, parentName: unit.parent?.name ?? null };
}

const versionSelect = {
  id: true,
  versionNo: true,
  title: true,
  unitName: true,
  documentNumber: true,
  publishedAt: true,
  effectiveAt: true,
  publisherName: true,
  publisherUnit: true,
  note: true,
  adjustmentId: true,
  itemCount: true,
} as const;

/** versionSelect as SQL, for raw queries that return PublicVersion rows. */
const versionColumns = `id, version_no AS "versionNo", title, unit_name AS "unitName", document_number AS "documentNumber",
  published_at AS "publishedAt", effective_at AS "effectiveAt", publisher_name AS "publisherName", publisher_unit AS "publisherUnit",
  note, adjustment_id AS "adjustmentId", item_count AS "itemCount"`;

export type PublicVersion = {
  id: number;
  versionNo: number;
  title: string;
  unitName: string;
  documentNumber: string;
  publishedAt: Date;
  effectiveAt: Date;
  publisherName: string;
  publisherUnit: string;
  note: string | null;
  adjustmentId: number | null;
  itemCount: number;
};

// ---- lists ----

export type ListFilter = { district?: number | null; kind?: "STREET" | "COMMUNITY" | null; q?: string | null; page: number; pageSize: number };

/** Published lists with their current version, ordered by district and unit. */
export async function readPublishedLists(db: Db, filter: ListFilter, day: string = today()) {
  const where: string[] = ["l.current_version_id IS NOT NULL"];
  const params: unknown[] = [];
  if (filter.district) {
    params.push(filter.district);
    where.push(`(p.id = $${params.length} OR p.parent_id = $${params.length})`);
  }
  if (filter.kind === "COMMUNITY") where.push(`u.kind = 'COMMUNITY'`);
  if (filter.kind === "STREET") where.push(`u.kind IN ('STREET', 'TOWNSHIP')`);
  if (filter.q) {
    params.push(`%${likeEscape(filter.q)}%`);
    where.push(`(u.name LIKE $${params.length} OR l.title LIKE $${params.length})`);
  }
  const whereSql = where.join(" AND ");
  // The version in force (the latest whose 施行日期 has come), else the first one still to come.
  params.push(day);
  const from = `FROM power_list l
    CROSS JOIN LATERAL (${shownVersionSql("pv.*", "l.id", `$${params.length}::date`)}) v
    JOIN org_unit u ON u.id = l.unit_id
    ${UNIT_ANCESTORS_JOIN}`;
  const [rows, count] = await Promise.all([
    db.$queryRawUnsafe<
      {
        id: number; title: string; form: PowerListForm; unit_id: number; unit_name: string; unit_kind: OrgKind; parent_name: string | null;
        district_id: number | null; district: string | null; version_no: number; published_at: Date; effective_at: Date; document_number: string; item_count: number;
      }[]
    >(
      `SELECT l.id, l.title, l.form, u.id AS unit_id, u.name AS unit_name, u.kind AS unit_kind, p.name AS parent_name,
              ${DISTRICT_ID_SQL} AS district_id,
              ${DISTRICT_NAME_SQL} AS district,
              v.version_no, v.published_at, v.effective_at, v.document_number, v.item_count
       ${from} WHERE ${whereSql}
       ORDER BY district_id NULLS LAST, CASE WHEN u.kind = 'COMMUNITY' THEN p.sort_order ELSE u.sort_order END,
                CASE WHEN u.kind = 'COMMUNITY' THEN p.id ELSE u.id END, u.kind = 'COMMUNITY', u.sort_order, l.form, l.id
       LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`,
      ...params,
    ),
    db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n ${from} WHERE ${whereSql}`, ...params),
  ]);
  return {
    total: count[0]?.n ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      form: r.form,
      unit: { id: r.unit_id, name: r.unit_name, kind: r.unit_kind, district: r.district, districtId: r.district_id, parentName: r.parent_name },
      versionNo: r.version_no,
      publishedAt: r.published_at,
      effectiveAt: r.effective_at,
      upcoming: isUpcoming({ effectiveAt: r.effective_at }, day),
      documentNumber: r.document_number,
      itemCount: r.item_count,
    })),
  };
}

/** Districts with how many lists each has published (for the home page and filters). */
export async function readDistricts(db: Db) {
  const rows = await db.$queryRawUnsafe<{ id: number; name: string; lists: number; items: number }[]>(
    `SELECT d.id, d.name, count(l.id)::int AS lists, coalesce(sum(v.item_count), 0)::int AS items
     FROM org_unit d
     LEFT JOIN org_unit u ON u.active AND (u.parent_id = d.id OR u.parent_id IN (SELECT id FROM org_unit s WHERE s.parent_id = d.id))
     LEFT JOIN power_list l ON l.unit_id = u.id AND l.current_version_id IS NOT NULL
     LEFT JOIN power_list_version v ON v.id = l.current_version_id
     WHERE d.kind = 'DISTRICT' AND d.active
     GROUP BY d.id, d.name, d.sort_order ORDER BY d.sort_order, d.id`,
  );
  return rows;
}

// ---- one list ----

/**
 * A published list with the requested version (by default the one in force on `day`, or the
 * first one still to take effect when none is in force yet) and its history.
 * Two queries side by side (the list with its unit's chain, and the versions), read fresh on
 * every request: publishing a version shows at once. Plain SQL: every public page starts here,
 * and a raw query costs the server a quarter of the CPU time of the same findMany.
 */
export async function readPublicList(db: Db, listId: number, versionNo?: number | null, day: string = today()) {
  const [rows, versions] = await Promise.all([
    db.$queryRawUnsafe<
      {
        id: number; title: string; form: PowerListForm; current_no: number; shown_no: number;
        u_id: number; u_name: string; u_kind: OrgKind; p_id: number | null; p_name: string | null; p_kind: OrgKind | null;
        g_id: number | null; g_name: string | null; g_kind: OrgKind | null; local_count: number | null;
      }[]
    >(
      `SELECT l.id, l.title, l.form, cv.version_no AS current_no, (${shownVersionSql("pv.version_no", "l.id", "$2::date")}) AS shown_no,
              u.id AS u_id, u.name AS u_name, u.kind AS u_kind, p.id AS p_id, p.name AS p_name, p.kind AS p_kind,
              g.id AS g_id, g.name AS g_name, g.kind AS g_kind,
              (SELECT item_count FROM local_duty_list_version WHERE unit_id = l.unit_id ORDER BY version_no DESC LIMIT 1) AS local_count
       FROM power_list l
       JOIN power_list_version cv ON cv.id = l.current_version_id
       JOIN org_unit u ON u.id = l.unit_id
       ${UNIT_ANCESTORS_JOIN}
       WHERE l.id = $1`,
      listId,
      day,
    ),
    db.$queryRawUnsafe<PublicVersion[]>(`SELECT ${versionColumns} FROM power_list_version WHERE list_id = $1 ORDER BY version_no DESC`, listId),
  ]);
  const row = rows[0];
  if (!row) return null;
  // The shown version is in force unless it is the first one, still to take effect.
  const shown = versions.find((v) => v.versionNo === row.shown_no);
  const current = shown && !isUpcoming(shown, day) ? shown.versionNo : null;
  const latest = versions[0]?.versionNo ?? row.current_no;
  const version = versionNo == null ? shown : versions.find((v) => v.versionNo === versionNo);
  if (!version) return null;
  const grandparent = row.g_id !== null ? { id: row.g_id, name: row.g_name!, kind: row.g_kind! } : null;
  const unit: UnitRow = {
    id: row.u_id,
    name: row.u_name,
    kind: row.u_kind,
    parent: row.p_id !== null ? { id: row.p_id, name: row.p_name!, kind: row.p_kind!, parent: grandparent } : null,
  };
  // localDutyCount: the unit's published 属地管理事项清单 (its latest version's size), or null.
  return { id: row.id, title: row.title, form: row.form, unit: publicUnit(unit), localDutyCount: row.local_count, currentVersionNo: current, latestVersionNo: latest, isCurrent: version.versionNo === current, upcoming: isUpcoming(version, day), version, versions };
}

export type ItemFilter = { q?: string | null; type?: string | null; category?: string | null; section?: DutySection | null };

export const publicItemSelect = {
  itemKey: true,
  position: true,
  category: true,
  section: true,
  source: true,
  sourceLabel: true,
  ...Object.fromEntries(ITEM_FIELDS.map((f) => [f, true])),
} as { itemKey: true; position: true; category: true; section: true; source: true; sourceLabel: true } & Record<ItemField, true>;

export type PublicItem = {
  itemKey: string;
  position: number;
  category: string | null;
  section: DutySection;
  source: ListItemSource;
  sourceLabel: string | null;
} & Record<ItemField, string | null> & { name: string };

/** Items of a version, filtered, in published order. */
export async function readVersionItems(db: Db, versionId: number, filter: ItemFilter = {}): Promise<PublicItem[]> {
  const q = searchQuery(filter.q);
  return (await db.powerListVersionItem.findMany({
    where: {
      versionId,
      ...(q ? { searchText: { contains: q } } : {}),
      ...(filter.type ? { powerType: filter.type === "未分类" ? null : filter.type } : {}),
      ...(filter.category ? { category: filter.category === "未分类" ? null : filter.category } : {}),
      ...(filter.section ? { section: filter.section } : {}),
    },
    orderBy: { position: "asc" },
    select: publicItemSelect,
  })) as PublicItem[];
}

/** Every item of a version with the columns the list page shows and filters on, in published order. */
export async function readVersionRows(db: Db, versionId: number): Promise<ListRow[]> {
  return db.$queryRawUnsafe<ListRow[]>(
    `SELECT item_key AS "itemKey", position, category, category_order AS "categoryOrder", section, name, sub_item_name AS "subItemName",
            power_type AS "powerType", legal_basis AS "legalBasis", handling_section AS "handlingSection", department_name AS "departmentName",
            street_duty AS "streetDuty", reclaim_method AS "reclaimMethod", search_text AS "searchText"
     FROM power_list_version_item WHERE version_id = $1 ORDER BY position`,
    versionId,
  );
}

/** How many items of a version there are by power type, by function category and by section. */
export async function readVersionCounts(db: Db, versionId: number) {
  const rows = await db.$queryRawUnsafe<{ power_type: string | null; category: string | null; category_order: number; section: DutySection; n: number }[]>(
    `SELECT power_type, category, min(category_order)::int AS category_order, section, count(*)::int AS n
     FROM power_list_version_item WHERE version_id = $1 GROUP BY power_type, category, section`,
    versionId,
  );
  const add = (map: Map<string, number>, key: string, n: number) => map.set(key, (map.get(key) ?? 0) + n);
  const types = new Map<string, number>();
  const categories = new Map<string, number>();
  const categoryOrder = new Map<string, number>();
  const sections = new Map<string, number>();
  for (const r of rows) {
    add(types, r.power_type ?? "未分类", r.n);
    add(categories, r.category ?? "未分类", r.n);
    categoryOrder.set(r.category ?? "未分类", Math.min(categoryOrder.get(r.category ?? "未分类") ?? 9999, r.category_order));
    add(sections, r.section, r.n);
  }
  return {
    byType: [...types].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, "zh")),
    byCategory: [...categories].map(([name, count]) => ({ name, count })).sort((a, b) => categoryOrder.get(a.name)! - categoryOrder.get(b.name)!),
    bySection: [...sections].map(([name, count]) => ({ name: name as DutySection, count })),
  };
}

/** One item of a list (current version, or the given one) and the versions it appears in. */
export async function readPublicItem(db: Db, listId: number, itemKey: string, versionNo?: number | null) {
  const list = await readPublicList(db, listId, versionNo);
  if (!list) return null;
  const rows = (await db.powerListVersionItem.findMany({
    where: { listId, itemKey },
    select: { versionId: true, ...publicItemSelect },
  })) as (PublicItem & { versionId: number })[];
  const item = rows.find((r) => r.versionId === list.version.id);
  if (!item) return null;
  const noOf = new Map(list.versions.map((v) => [v.id, v.versionNo]));
  const history = rows
    .map((r) => ({ versionNo: noOf.get(r.versionId)!, item: r }))
    .filter((h) => h.versionNo !== undefined)
    .sort((a, b) => a.versionNo - b.versionNo);
  return { list, item, history };
}

// ---- diff ----

export async function readVersionPair(db: Db, listId: number, from: number, to: number) {
  const versions = await db.powerListVersion.findMany({
    where: { listId, versionNo: { in: [from, to] }, list: { currentVersionId: { not: null } } },
    select: versionSelect,
  });
  const a = versions.find((v) => v.versionNo === from);
  const b = versions.find((v) => v.versionNo === to);
  if (!a || !b) return null;
  return { from: a, to: b };
}

/** Added, removed and changed items between two versions of a list. */
export async function readDiff(db: Db, listId: number, from: number, to: number): Promise<{ from: PublicVersion; to: PublicVersion; diff: VersionDiff } | null> {
  const pair = await readVersionPair(db, listId, from, to);
  if (!pair) return null;
  const items = (await db.powerListVersionItem.findMany({
    where: { versionId: { in: [pair.from.id, pair.to.id] } },
    orderBy: { position: "asc" },
    select: { versionId: true, ...publicItemSelect },
  })) as (PublicItem & { versionId: number })[];
  const of = (id: number) => items.filter((i) => i.versionId === id) as unknown as DiffItem[];
  return { ...pair, diff: diffVersions(of(pair.from.id), of(pair.to.id)) };
}

// ---- search across all published lists ----

export type SearchFilter = { q: string; district?: number | null; page: number; pageSize: number };
export type SearchHit = {
  itemKey: string;
  name: string;
  subItemName: string | null;
  powerType: string | null;
  category: string | null;
  section: DutySection;
  code: string | null;
  list: { id: number; title: string; versionNo: number };
  unit: { id: number; name: string; kind: OrgKind; district: string | null };
};

/** Beyond this many matches the count says "more than"; counting them all would cost seconds. */
export const SEARCH_COUNT_CAP = 1000;

/**
 * How many rows, in item order, a search reads before it turns to the index: a common term
 * (处罚, 城乡规划法: tens of thousands of matches) finds its page among the first rows at once,
 * where the index would hand over every match to be sorted; a rare one falls through to the index.
 */
export const SEARCH_PREFIX_ROWS = 2000;

type SearchRow = {
  item_key: string; name: string; sub_item_name: string | null; power_type: string | null; category: string | null; section: DutySection; code: string | null;
  list_id: number; title: string; version_no: number; unit_id: number; unit_name: string; unit_kind: OrgKind; district: string | null;
};

/**
 * Items of every current version whose name, sub-item, code, type, department or cited law
 * contains `q`, in item order. Two ways to the same rows: first the leading rows in item order
 * (SEARCH_PREFIX_ROWS per page asked for, ten times that for the count), which is enough for a
 * common term; for what they do not settle, the bigram GIN index narrows the candidates. LIKE
 * checks the substring either way. Computing the bigrams of a row is what costs: the index holds
 * them, and the leading rows need none.
 */
export async function searchPublished(db: Db, filter: SearchFilter, prefixRows = SEARCH_PREFIX_ROWS): Promise<{ q: string; total: number; capped: boolean; hits: SearchHit[] }> {
  const q = searchQuery(filter.q);
  if ([...q].length < 2 || bigrams(q).length === 0) return { q, total: 0, capped: false, hits: [] };
  const params: unknown[] = [q, `%${likeEscape(q)}%`];
  let districtSql = "";
  if (filter.district) {
    params.push(filter.district);
    districtSql = `AND EXISTS (SELECT 1 FROM power_list l2 JOIN org_unit u2 ON u2.id = l2.unit_id LEFT JOIN org_unit p2 ON p2.id = u2.parent_id
                   WHERE l2.id = s.list_id AND (p2.id = $3 OR p2.parent_id = $3))`;
  }
  const like = `s.text LIKE $2 ${districtSql}`;
  const match = `qingdan_bigrams(s.text) @> qingdan_bigrams($1) AND ${like}`;
  const hits = (source: string, where: string) =>
    db.$queryRawUnsafe<SearchRow[]>(
      `WITH hit AS (
         SELECT s.item_id, s.list_id, s.version_id FROM ${source} WHERE ${where}
         ORDER BY s.item_id LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}
       )
       SELECT vi.item_key, vi.name, vi.sub_item_name, vi.power_type, vi.category, vi.section, vi.code,
              l.id AS list_id, l.title, v.version_no, u.id AS unit_id, u.name AS unit_name, u.kind AS unit_kind,
              ${DISTRICT_NAME_SQL} AS district
       FROM hit
       JOIN power_list_version_item vi ON vi.id = hit.item_id
       JOIN power_list l ON l.id = hit.list_id
       JOIN power_list_version v ON v.id = hit.version_id
       JOIN org_unit u ON u.id = l.unit_id
       ${UNIT_ANCESTORS_JOIN}
       ORDER BY hit.item_id`,
      ...params,
    );
  const count = (source: string, where: string) =>
    db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${source} WHERE ${where} LIMIT ${SEARCH_COUNT_CAP + 1}) x`, ...params);
  // First the leading rows in item order, by LIKE alone. If they hold the whole page, it is the
  // page the index would give too (both are the first matches in item order); if they hold more
  // than the cap, so does the whole. Only a term that filled its page there (or a page past the
  // tenth, which only a common term has) is counted there too: a rare one, whose matches the
  // leading rows hardly hold, goes straight to the index instead of reading ten times as many rows.
  const leading = (rows: number) => `(SELECT * FROM power_list_search ORDER BY item_id LIMIT ${rows}) s`;
  const byLike = `$1::text IS NOT NULL AND ${like}`;
  const early = prefixRows > 0 && filter.page <= 10 ? await hits(leading(prefixRows * filter.page), byLike) : [];
  const common = prefixRows > 0 && (filter.page > 10 || early.length === filter.pageSize);
  const earlyCount = common ? await count(leading(prefixRows * 10), byLike) : [];
  const capReached = (earlyCount[0]?.n ?? 0) > SEARCH_COUNT_CAP;
  const [rows, counted] = await Promise.all([
    early.length === filter.pageSize ? early : hits("power_list_search s", match),
    capReached ? earlyCount : count("power_list_search s", match),
  ]);
  const n = counted[0]?.n ?? 0;
  return {
    q,
    total: Math.min(n, SEARCH_COUNT_CAP),
    capped: n > SEARCH_COUNT_CAP,
    hits: rows.map((r) => ({
      itemKey: r.item_key,
      name: r.name,
      subItemName: r.sub_item_name,
      powerType: r.power_type,
      category: r.category,
      section: r.section,
      code: r.code,
      list: { id: r.list_id, title: r.title, versionNo: r.version_no },
      unit: { id: r.unit_id, name: r.unit_name, kind: r.unit_kind, district: r.district },
    })),
  };
}

/** Totals for the home page. */
export async function readPortalTotals(db: Db) {
  const rows = await db.$queryRawUnsafe<{ lists: number; items: number; versions: number; latest: Date | null }[]>(
    `SELECT count(*)::int AS lists, coalesce(sum(v.item_count), 0)::int AS items,
            (SELECT count(*)::int FROM power_list_version) AS versions, max(v.published_at) AS latest
     FROM power_list l JOIN power_list_version v ON v.id = l.current_version_id`,
  );
  return rows[0] ?? { lists: 0, items: 0, versions: 0, latest: null };
}

/** The most recent publications (first versions and adjustments alike). */
export async function readLatestVersions(db: Db, take: number) {
  const rows = await db.powerListVersion.findMany({
    where: { list: { currentVersionId: { not: null } } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take,
    select: { listId: true, versionNo: true, title: true, unitName: true, publishedAt: true, documentNumber: true, itemCount: true, adjustmentId: true },
  });
  return rows;
}
