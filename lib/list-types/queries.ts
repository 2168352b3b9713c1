import "server-only";
import { prisma, publicDb } from "@/lib/db/client";
import type { OrgKind, TypedListStatus } from "@/lib/generated/prisma/enums";
import { bigrams, likeEscape, searchQuery } from "@/lib/lists/text";
import type { SessionUser } from "@/lib/auth/types";
import { areaIdFilter } from "@/lib/auth/scope";
import { readsOwnTypedLists, typedListSubjectOf, type TypedListSubject } from "./policy";
import { parseStoredFields, parseStoredRows, parseStoredStages, parseStoredStrings, type StageDef, type TypedRow } from "./schema";
import type { TodoItem } from "@/lib/todo";
import type { FieldDef } from "./fields";
import { DISTRICT_ID_SQL, DISTRICT_NAME_SQL, UNIT_ANCESTORS_JOIN } from "@/lib/portal/unit-sql";

// Reads of list types and typed lists. The public ones start from typed_list_version (through
// typed_list.current_version_id), so a draft never reaches the portal or the API.

export type PublicListType = { id: number; code: string; name: string; description: string | null; unitKinds: OrgKind[]; fields: FieldDef[]; sections: string[]; stages: string[]; stageDefs: StageDef[]; retired: boolean };

function typeOf(t: { id: number; code: string; name: string; description: string | null; unitKinds: OrgKind[]; fields: unknown; sections: unknown; stages: unknown; retiredAt: Date | null }): PublicListType {
  return {
    id: t.id,
    code: t.code,
    name: t.name,
    description: t.description,
    unitKinds: t.unitKinds,
    fields: parseStoredFields(t.fields),
    sections: parseStoredStrings(t.sections),
    stages: parseStoredStages(t.stages).map((st) => st.name),
    stageDefs: parseStoredStages(t.stages),
    retired: t.retiredAt !== null,
  };
}

/** Every list type, in the 编办's order. */
export async function listTypes(db = publicDb): Promise<PublicListType[]> {
  const rows = await db.listType.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
  return rows.map(typeOf);
}

export type TypedListFilter = { type?: string | null; district?: number | null; kind?: "STREET" | "COMMUNITY" | null; q?: string | null; page: number; pageSize: number };

export type PublishedTypedList = {
  id: number;
  title: string;
  type: { code: string; name: string };
  unit: { id: number; name: string; kind: OrgKind; district: string | null; districtId: number | null };
  versionNo: number;
  documentNumber: string;
  publishedAt: Date;
  rowCount: number;
};

function listWhere(filter: Omit<TypedListFilter, "page" | "pageSize">) {
  const where: string[] = ["l.current_version_id IS NOT NULL"];
  const params: unknown[] = [];
  if (filter.type) {
    params.push(filter.type);
    where.push(`t.code = $${params.length}`);
  }
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
  const from = `FROM typed_list l
    JOIN list_type t ON t.id = l.type_id
    JOIN typed_list_version v ON v.id = l.current_version_id
    JOIN org_unit u ON u.id = l.unit_id
    ${UNIT_ANCESTORS_JOIN}`;
  return { sql: `${from} WHERE ${where.join(" AND ")}`, params };
}

/** Published typed lists with their current version, ordered by type, district and unit. */
export async function publishedTypedLists(filter: TypedListFilter, db = publicDb): Promise<{ total: number; items: PublishedTypedList[] }> {
  const { sql, params } = listWhere(filter);
  const [rows, count] = await Promise.all([
    db.$queryRawUnsafe<
      { id: number; title: string; code: string; type_name: string; unit_id: number; unit_name: string; unit_kind: OrgKind; district_id: number | null; district: string | null; version_no: number; document_number: string; published_at: Date; row_count: number }[]
    >(
      `SELECT l.id, l.title, t.code, t.name AS type_name, u.id AS unit_id, u.name AS unit_name, u.kind AS unit_kind,
              ${DISTRICT_ID_SQL} AS district_id,
              ${DISTRICT_NAME_SQL} AS district,
              v.version_no, v.document_number, v.published_at, v.row_count
       ${sql}
       ORDER BY t.sort_order, t.id, district_id NULLS LAST, u.sort_order, u.id
       LIMIT ${Math.trunc(filter.pageSize)} OFFSET ${Math.trunc((filter.page - 1) * filter.pageSize)}`,
      ...params,
    ),
    db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n ${sql}`, ...params),
  ]);
  return {
    total: count[0]?.n ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      type: { code: r.code, name: r.type_name },
      unit: { id: r.unit_id, name: r.unit_name, kind: r.unit_kind, district: r.district, districtId: r.district_id },
      versionNo: r.version_no,
      documentNumber: r.document_number,
      publishedAt: r.published_at,
      rowCount: r.row_count,
    })),
  };
}

/** How many typed lists are published (for the open-data API's merged paging). */
export async function countPublishedTypedLists(filter: Omit<TypedListFilter, "page" | "pageSize">, db = publicDb) {
  const { sql, params } = listWhere(filter);
  const rows = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n ${sql}`, ...params);
  return rows[0]?.n ?? 0;
}

export type PublicTypedVersion = {
  id: number;
  versionNo: number;
  title: string;
  unitName: string;
  typeCode: string;
  typeName: string;
  documentNumber: string;
  publishedAt: Date;
  publisherName: string;
  note: string | null;
  rowCount: number;
  /** The columns as they were when this version was published. */
  fields: FieldDef[];
  sections: string[];
  rows: TypedRow[];
};

/** A published typed list with the requested version (the current one by default) and its history. */
export async function publicTypedList(listId: number, versionNo?: number | null, db = publicDb) {
  const list = await db.typedList.findUnique({
    where: { id: listId },
    select: {
      id: true,
      title: true,
      currentVersion: { select: { versionNo: true } },
      type: { select: { code: true, name: true } },
      unit: { select: { id: true, name: true, kind: true } },
      versions: { orderBy: { versionNo: "desc" }, select: { versionNo: true, documentNumber: true, publishedAt: true, rowCount: true } },
    },
  });
  if (!list?.currentVersion) return null;
  const current = list.currentVersion.versionNo;
  const wanted = versionNo ?? current;
  const v = await db.typedListVersion.findUnique({ where: { listId_versionNo: { listId, versionNo: wanted } } });
  if (!v) return null;
  const version: PublicTypedVersion = {
    id: v.id,
    versionNo: v.versionNo,
    title: v.title,
    unitName: v.unitName,
    typeCode: v.typeCode,
    typeName: v.typeName,
    documentNumber: v.documentNumber,
    publishedAt: v.publishedAt,
    publisherName: v.publisherName,
    note: v.note,
    rowCount: v.rowCount,
    fields: parseStoredFields(v.fields),
    sections: parseStoredStrings(v.sections),
    rows: parseStoredRows(v.rows),
  };
  return { id: list.id, title: list.title, type: list.type, unit: list.unit, currentVersionNo: current, isCurrent: wanted === current, versions: list.versions, version };
}

/** Rows of a version matching a text (in any column) and a section. */
export function filterRows(version: Pick<PublicTypedVersion, "fields" | "rows">, filter: { q?: string | null; section?: string | null }): TypedRow[] {
  const q = filter.q?.trim().toLowerCase() ?? "";
  return version.rows.filter((r) => {
    if (filter.section && r.section !== filter.section) return false;
    if (!q) return true;
    return version.fields.some((f) => (r.values[f.key] ?? "").toLowerCase().includes(q));
  });
}

/** The most recent publications of typed lists (first versions and later ones alike), for the portal home. */
export async function latestTypedVersions(take: number, db = publicDb) {
  return db.typedListVersion.findMany({
    where: { list: { currentVersionId: { not: null } } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take,
    select: { listId: true, versionNo: true, title: true, typeName: true, publishedAt: true, documentNumber: true, rowCount: true },
  });
}

// ---- the cross-list search ----

export type TypedSearchHit = {
  rowKey: string;
  name: string;
  list: { id: number; title: string; versionNo: number };
  type: { code: string; name: string };
  unit: { id: number; name: string; kind: OrgKind; district: string | null };
};

/** Beyond this many matching rows the count says "more than". */
export const TYPED_SEARCH_COUNT_CAP = 1000;

/**
 * Rows of every typed list's current version whose cells contain `q` (normalised as the power-list
 * search does), by type, unit and row order. The bigram GIN index on typed_list_search narrows the
 * candidates and LIKE checks the substring, as searchPublished does for power-list items.
 */
export async function searchTypedRows(filter: { q: string; district?: number | null; limit: number }, db = publicDb): Promise<{ q: string; total: number; capped: boolean; hits: TypedSearchHit[] }> {
  const q = searchQuery(filter.q);
  if ([...q].length < 2 || bigrams(q).length === 0) return { q, total: 0, capped: false, hits: [] };
  const params: unknown[] = [q, `%${likeEscape(q)}%`];
  let districtSql = "";
  if (filter.district) {
    params.push(filter.district);
    districtSql = `AND (p.id = $3 OR p.parent_id = $3)`;
  }
  const from = `FROM typed_list_search s
    JOIN typed_list l ON l.id = s.list_id AND l.current_version_id = s.version_id
    JOIN typed_list_version v ON v.id = s.version_id
    JOIN list_type t ON t.id = l.type_id
    JOIN org_unit u ON u.id = l.unit_id
    ${UNIT_ANCESTORS_JOIN}
    WHERE qingdan_bigrams(s.text) @> qingdan_bigrams($1) AND s.text LIKE $2 ${districtSql}`;
  const [rows, count] = await Promise.all([
    db.$queryRawUnsafe<
      { row_key: string; name: string; list_id: number; title: string; version_no: number; code: string; type_name: string; unit_id: number; unit_name: string; unit_kind: OrgKind; district: string | null }[]
    >(
      `SELECT s.row_key, s.name, l.id AS list_id, l.title, v.version_no, t.code, t.name AS type_name, u.id AS unit_id, u.name AS unit_name, u.kind AS unit_kind,
              ${DISTRICT_NAME_SQL} AS district
       ${from}
       ORDER BY t.sort_order, t.id, u.sort_order, u.id, s.position
       LIMIT ${Math.trunc(filter.limit)}`,
      ...params,
    ),
    db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM (SELECT 1 ${from} LIMIT ${TYPED_SEARCH_COUNT_CAP + 1}) x`, ...params),
  ]);
  const n = count[0]?.n ?? 0;
  return {
    q,
    total: Math.min(n, TYPED_SEARCH_COUNT_CAP),
    capped: n > TYPED_SEARCH_COUNT_CAP,
    hits: rows.map((r) => ({
      rowKey: r.row_key,
      name: r.name,
      list: { id: r.list_id, title: r.title, versionNo: r.version_no },
      type: { code: r.code, name: r.type_name },
      unit: { id: r.unit_id, name: r.unit_name, kind: r.unit_kind, district: r.district },
    })),
  };
}

// ---- workspace ----

export type ManagedTypedList = {
  id: number;
  title: string;
  status: TypedListStatus;
  stageIndex: number;
  revision: number;
  versionCount: number;
  type: PublicListType;
  unit: { id: number; name: string; kind: OrgKind };
  rows: TypedRow[];
  opinions: { id: number; stageName: string; approve: boolean; text: string; authorName: string; unitName: string; createdAt: Date }[];
  versions: { versionNo: number; documentNumber: string; publishedAt: Date; rowCount: number }[];
};

type Viewer = Pick<SessionUser, "roles" | "unitId" | "unitKind" | "area">;

/**
 * The units whose typed lists the user reads in the workspace: a street or community its own
 * unit, a district 编办 its district, everyone else the whole city (undefined: no condition).
 */
function typedListUnits(user: Viewer): { in: number[] } | undefined {
  if (readsOwnTypedLists(user)) return { in: [user.unitId] };
  return areaIdFilter(user);
}

/**
 * The types and the lists of them the user reads: a street or community sees the types that apply
 * to its kind of unit and its own lists only; a district 编办 its district's lists.
 */
export async function typedListsOverview(user: Viewer) {
  const own = readsOwnTypedLists(user);
  const all = await listTypes(prisma);
  // A unit that only reviews (a department a stage names) reads the lists of the types that name it.
  const reviewsOnly = reviewsOnlyTypedLists(user);
  const reviewed = all.filter((t) => t.stageDefs.some((st) => st.unitId === user.unitId));
  const [types, lists] = await Promise.all([
    Promise.resolve(reviewsOnly ? reviewed : own ? all.filter((t) => t.unitKinds.includes(user.unitKind)) : all),
    prisma.typedList.findMany({
      where: reviewsOnly ? { typeId: { in: reviewed.map((t) => t.id) } } : { unitId: typedListUnits(user) },
      orderBy: [{ typeId: "asc" }, { unit: { sortOrder: "asc" } }, { id: "asc" }],
      select: { id: true, title: true, status: true, stageIndex: true, versionCount: true, typeId: true, updatedAt: true, unit: { select: { id: true, name: true } } },
    }),
  ]);
  // A retired (停用) type shows only where the user has lists of it: no new ones are drafted.
  return { types: types.filter((t) => !t.retired || lists.some((l) => l.typeId === t.id)), lists };
}

export async function managedTypedList(listId: number): Promise<ManagedTypedList | null> {
  const list = await prisma.typedList.findUnique({
    where: { id: listId },
    include: {
      type: true,
      unit: { select: { id: true, name: true, kind: true } },
      opinions: { orderBy: { createdAt: "asc" } },
      versions: { orderBy: { versionNo: "desc" }, select: { versionNo: true, documentNumber: true, publishedAt: true, rowCount: true } },
    },
  });
  if (!list) return null;
  return {
    id: list.id,
    title: list.title,
    status: list.status,
    stageIndex: list.stageIndex,
    revision: list.revision,
    versionCount: list.versionCount,
    type: typeOf(list.type),
    unit: list.unit,
    rows: parseStoredRows(list.rows),
    opinions: list.opinions,
    versions: list.versions,
  };
}

/** Whether the user reads typed lists only as a reviewer a type's stage names (not 编办, a leader, a street or community). */
function reviewsOnlyTypedLists(user: Viewer): boolean {
  return !user.roles.some((r) => ["BIANBAN_ADMIN", "BIANBAN_STAFF", "LEADER", "STREET", "COMMUNITY"].includes(r));
}

/** The names of the units stages name, by id. */
async function stageUnitNames(types: { stageDefs: StageDef[] }[]): Promise<Map<number, string>> {
  const ids = [...new Set(types.flatMap((t) => t.stageDefs.flatMap((st) => (st.unitId !== null ? [st.unitId] : []))))];
  if (!ids.length) return new Map();
  const units = await prisma.orgUnit.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(units.map((u) => [u.id, u.name]));
}

/** Each stage as shown: 「合法性审查（示例市司法局）」, or its name alone where 编办 reviews. */
export async function stageLabels<T extends { stageDefs: StageDef[] }>(types: T[]): Promise<(T & { stageLabels: string[]; stageLines: string[] })[]> {
  const names = await stageUnitNames(types);
  return types.map((t) => ({
    ...t,
    stageLabels: t.stageDefs.map((st) => (st.unitId !== null ? `${st.name}（${names.get(st.unitId) ?? "已删除的单位"}）` : st.name)),
    // As the type editor writes them back.
    stageLines: t.stageDefs.map((st) => (st.unitId !== null ? `${st.name}：${names.get(st.unitId) ?? ""}` : st.name)),
  }));
}

/** The policy's view of a typed list (its unit, its reviewers). */
export async function typedListPolicySubject(listId: number): Promise<TypedListSubject | null> {
  const list = await prisma.typedList.findUnique({ where: { id: listId }, select: { unitId: true, status: true, stageIndex: true, type: { select: { stages: true } } } });
  return list ? typedListSubjectOf(list) : null;
}

/**
 * 工作台 to-dos of typed lists: a stage waiting for the user's unit (a stage that names it) or for
 * 编办 (the other stages, and lists reviewed and waiting to be published, in a district 编办's
 * district only); a street's or community's own lists returned to drafting are not tracked here.
 */
export async function typedListTodos(user: SessionUser): Promise<TodoItem[]> {
  const bianban = user.roles.includes("BIANBAN_ADMIN") || user.roles.includes("BIANBAN_STAFF");
  const inReview = await prisma.typedList.findMany({
    where: { status: "IN_REVIEW" },
    select: { id: true, title: true, unitId: true, stageIndex: true, type: { select: { stages: true } } },
    orderBy: { updatedAt: "asc" },
  });
  const area = bianban ? areaIdFilter(user) : undefined;
  const inArea = (unitId: number) => !area || area.in.includes(unitId);
  const todos: TodoItem[] = [];
  for (const l of inReview) {
    const stages = parseStoredStages(l.type.stages);
    const stage = stages[l.stageIndex];
    if (!stage) {
      if (bianban && inArea(l.unitId)) todos.push({ area: "各类清单", title: `「${l.title}」审核已完成，待公布`, href: `/typed-lists/manage/${l.id}` });
    } else if (stage.unitId !== null ? stage.unitId === user.unitId : bianban && inArea(l.unitId)) {
      todos.push({ area: "各类清单", title: `审核「${l.title}」（${stage.name}）`, href: `/typed-lists/manage/${l.id}#review` });
    }
  }
  return todos;
}

/** Units a type may be drafted for by the user (its own unit, its district's) that have no list of it yet. */
export async function unitsWithoutList(typeId: number, user: Viewer) {
  const type = await prisma.listType.findUnique({ where: { id: typeId }, select: { unitKinds: true, retiredAt: true } });
  if (!type || type.retiredAt) return [];
  return prisma.orgUnit.findMany({
    where: { id: typedListUnits(user), active: true, kind: { in: type.unitKinds }, typedLists: { none: { typeId } } },
    orderBy: [{ parentId: "asc" }, { sortOrder: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}

/** The types as the primary holds them (the workspace reads no replica), with how many lists each has and its revision. */
export async function listTypesForAdmin() {
  const rows = await prisma.listType.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }], include: { _count: { select: { lists: true } } } });
  return stageLabels(rows.map((t) => ({ ...typeOf(t), revision: t.revision, listCount: t._count.lists })));
}

export async function listTypeForEdit(typeId: number) {
  const t = await prisma.listType.findUnique({ where: { id: typeId } });
  return t ? (await stageLabels([{ ...typeOf(t), revision: t.revision }]))[0] : null;
}
