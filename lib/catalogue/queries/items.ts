// The edition table's reads, taking the client as an argument so that the benchmark measures
// exactly what the page runs (queries.ts binds them to the app's client).
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "@/lib/db/client";
import { normaliseText } from "../item-data";
import { likeEscape } from "@/lib/lists/text";
import type { ItemFilter } from "../schema";

type Client = Db | Tx;

function conditions(editionId: number, filter: Pick<ItemFilter, "q" | "type" | "domain" | "dept">): Prisma.Sql {
  const parts = [Prisma.sql`i.edition_id = ${editionId}`];
  const byId = (column: string, value: number | "none" | undefined) => {
    if (value === undefined) return;
    parts.push(value === "none" ? Prisma.sql`${Prisma.raw(column)} IS NULL` : Prisma.sql`${Prisma.raw(column)} = ${value}`);
  };
  byId("i.power_type_id", filter.type);
  byId("i.domain_id", filter.domain);
  byId("i.department_id", filter.dept);
  const q = normaliseText(filter.q);
  if (q) parts.push(Prisma.sql`i.search_text LIKE ${`%${likeEscape(q)}%`}`);
  return Prisma.join(parts, " AND ");
}

// Fixed SQL per sort key (never user text); ties keep the list order.
const ORDER: Record<ItemFilter["sort"], string> = {
  position: "i.position",
  name: "i.name",
  type: "pt.sort_order",
  domain: "d.sort_order",
  department: "i.department_name",
  code: "i.code",
};

type Row = {
  id: number;
  position: number;
  seq: string | null;
  code: string | null;
  name: string;
  power_type_id: number | null;
  power_type_raw: string | null;
  power_type_name: string | null;
  domain_id: number | null;
  domain_raw: string | null;
  domain_name: string | null;
  department_id: number | null;
  department_name: string | null;
  unit_name: string | null;
  unit_short_name: string | null;
  legal_basis: string | null;
  sub_items: number;
  total: number;
};

/**
 * One page of an edition's items with the total, filtered and sorted on the server, in one
 * statement: the filter runs once over narrow columns (the text search is the expensive part),
 * then only the page's rows are fetched whole, with names from small joined tables, their
 * sub-item count, and the legal basis cut to what the table shows.
 */
export async function queryItems(db: Client, editionId: number, filter: ItemFilter) {
  const where = conditions(editionId, filter);
  const dir = Prisma.raw(filter.dir === "desc" ? "DESC" : "ASC");
  const key = Prisma.raw(ORDER[filter.sort]);
  const rows = await db.$queryRaw<Row[]>`
    WITH m AS MATERIALIZED (
      SELECT i.id, i.position, ${key} AS k
      FROM catalogue_item i
      LEFT JOIN dictionary_entry pt ON pt.id = i.power_type_id
      LEFT JOIN dictionary_entry d ON d.id = i.domain_id
      WHERE ${where}
    ), p AS (
      SELECT id, position, k FROM m ORDER BY k ${dir} NULLS LAST, position ASC
      LIMIT ${filter.size} OFFSET ${(filter.page - 1) * filter.size}
    )
    SELECT i.id, i.position, i.seq, i.code, i.name,
           i.power_type_id, i.power_type_raw, pt.name AS power_type_name,
           i.domain_id, i.domain_raw, d.name AS domain_name,
           i.department_id, i.department_name, u.name AS unit_name, u.short_name AS unit_short_name,
           left(i.legal_basis, 400) AS legal_basis,
           (SELECT count(*)::int FROM catalogue_sub_item s WHERE s.item_id = i.id) AS sub_items,
           (SELECT count(*)::int FROM m) AS total
    FROM p
    JOIN catalogue_item i ON i.id = p.id
    LEFT JOIN dictionary_entry pt ON pt.id = i.power_type_id
    LEFT JOIN dictionary_entry d ON d.id = i.domain_id
    LEFT JOIN org_unit u ON u.id = i.department_id
    ORDER BY p.k ${dir} NULLS LAST, p.position ASC`;
  // Past the last page there is no row to carry the total.
  const total = rows[0]?.total ?? (filter.page > 1 ? await countItems(db, editionId, filter) : 0);
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      position: r.position,
      seq: r.seq,
      code: r.code,
      name: r.name,
      powerTypeRaw: r.power_type_raw,
      domainRaw: r.domain_raw,
      departmentName: r.department_name,
      legalBasis: r.legal_basis,
      powerType: r.power_type_id != null ? { id: r.power_type_id, name: r.power_type_name ?? "" } : null,
      domain: r.domain_id != null ? { id: r.domain_id, name: r.domain_name ?? "" } : null,
      department: r.department_id != null ? { id: r.department_id, name: r.unit_name ?? "", shortName: r.unit_short_name } : null,
      _count: { subItems: r.sub_items },
    })),
  };
}

export async function countItems(db: Client, editionId: number, filter: Pick<ItemFilter, "q" | "type" | "domain" | "dept">) {
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM catalogue_item i WHERE ${conditions(editionId, filter)}`;
  return row.n;
}

/** Items per power type, per domain and per linked department of a whole edition, in one pass. */
export async function queryEditionCounts(db: Client, editionId: number) {
  const rows = await db.$queryRaw<{ t: number | null; d: number | null; u: number | null; g: number; n: number }[]>`
    SELECT power_type_id AS t, domain_id AS d, department_id AS u,
           GROUPING(power_type_id, domain_id, department_id)::int AS g, count(*)::int AS n
    FROM catalogue_item WHERE edition_id = ${editionId}
    GROUP BY GROUPING SETS ((power_type_id), (domain_id), (department_id))`;
  // GROUPING() has a bit set for each column not grouped by: 3 = type only, 5 = domain, 6 = department.
  const of = (g: number, pick: (r: (typeof rows)[number]) => number | null) => rows.filter((r) => r.g === g).map((r) => ({ id: pick(r), count: r.n }));
  const byType = of(3, (r) => r.t);
  return {
    total: byType.reduce((n, t) => n + t.count, 0),
    byType,
    byDomain: of(5, (r) => r.d),
    byDepartment: of(6, (r) => r.u),
  };
}
