import "server-only";
import { z } from "zod";
import { contentDisposition } from "@/lib/export-cells";
import { ApiError, json, origin, params, pathId, positiveInt } from "@/lib/portal/api";
import { displayCell, type FieldDef } from "./fields";
import { diffTypedVersions } from "./diff";
import type { TypedRow } from "./schema";
import { typedListCsv } from "./export";
import { listTypes, publicTypedList, publishedTypedLists, type PublishedTypedList, type TypedListFilter } from "./queries";
import { POWER_LIST_TYPE } from "./schema";

// The open-data API's list types and typed lists (README「开放数据接口」).

/** GET /api/public/list-types: every list type with its columns, and the 职权清单's reserved code. */
export async function apiListTypes(request: Request) {
  params(request, [], {});
  const types = await listTypes();
  return json({
    items: types.map((t) => ({
      code: t.code,
      name: t.name,
      unitKinds: t.unitKinds,
      fields: t.fields.map((f) => ({ key: f.key, label: f.label, type: f.type, required: f.required, ...(f.options ? { options: f.options } : {}) })),
      sections: t.sections,
      retired: t.retired,
      lists: `${origin(request)}/api/public/lists?type=${encodeURIComponent(t.code)}`,
    })),
    powerListType: POWER_LIST_TYPE,
  });
}

/** The `type` parameter of /api/public/lists: power-list, a known type code, or none. */
export async function listTypeParam(request: Request): Promise<string | null> {
  const value = new URL(request.url).searchParams.get("type");
  if (value === null || value === "") return null;
  if (value === POWER_LIST_TYPE) return value;
  const codes = (await listTypes()).map((t) => t.code);
  if (!codes.includes(value)) throw new ApiError(400, "INVALID_PARAMETER", `type 只能是 ${[POWER_LIST_TYPE, ...codes].join("、")} 之一（见 /api/public/list-types）。`, "type");
  return value;
}

function apiSummary(l: PublishedTypedList, base: string) {
  return {
    id: l.id,
    type: l.type.code,
    typeName: l.type.name,
    title: l.title,
    unit: { id: l.unit.id, name: l.unit.name, kind: l.unit.kind, district: l.unit.district },
    version: l.versionNo,
    documentNumber: l.documentNumber,
    publishedAt: l.publishedAt.toISOString(),
    itemCount: l.rowCount,
    url: `${base}/typed-lists/${l.id}`,
    api: `${base}/api/public/typed-lists/${l.id}`,
  };
}

/** One page of /api/public/lists?type=<code>. */
export async function typedListsPage(request: Request, filter: TypedListFilter) {
  const result = await publishedTypedLists(filter);
  const base = origin(request);
  return { items: result.items.map((l) => apiSummary(l, base)), page: filter.page, pageSize: filter.pageSize, total: result.total };
}

/** Typed lists `offset`…`offset+take` (after the 职权清单 in the unfiltered /api/public/lists). */
export async function typedListsSlice(request: Request, filter: Omit<TypedListFilter, "page" | "pageSize" | "type">, offset: number, take: number) {
  // publishedTypedLists pages by page number: read the pages that cover the slice.
  const first = Math.floor(offset / take) + 1;
  const a = await publishedTypedLists({ ...filter, page: first, pageSize: take });
  const b = offset % take ? await publishedTypedLists({ ...filter, page: first + 1, pageSize: take }) : { items: [] };
  const start = offset % take;
  const base = origin(request);
  return [...a.items, ...b.items].slice(start, start + take).map((l) => apiSummary(l, base));
}

/** GET /api/public/typed-lists/{id}?version=N&format=json|csv: one published version with its frozen columns. */
export async function apiTypedList(request: Request, idParam: string) {
  const p = params(request, ["version", "format"], {
    version: positiveInt("version（版本号）", 100000).optional(),
    format: z.enum(["json", "csv"], { message: "format 只能是 json 或 csv。" }).optional().default("json"),
  });
  const id = pathId(idParam);
  const list = await publicTypedList(id, p.version ?? null);
  if (!list) {
    if (p.version && (await publicTypedList(id))) throw new ApiError(404, "NOT_FOUND", `该清单没有第 ${p.version} 版。`, "version");
    throw new ApiError(404, "NOT_FOUND", "找不到该清单，或该清单尚未公布。");
  }
  const { version } = list;
  if (p.format === "csv") {
    const name = `${version.title}（第${version.versionNo}版）.csv`;
    return new Response(typedListCsv(version), {
      headers: { "Access-Control-Allow-Origin": "*", "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": contentDisposition(name, `typed-list-${id}-v${version.versionNo}.csv`) },
    });
  }
  const base = origin(request);
  // As for power lists (lib/portal/api.ts): an answer naming its version is cached for a year, so
  // it leaves out what a later publication changes (whether it is current, the versions so far).
  const pinned = p.version !== undefined;
  return json({
    id: list.id,
    type: list.type.code,
    typeName: version.typeName,
    title: version.title,
    unit: { id: list.unit.id, name: list.unit.name, kind: list.unit.kind },
    version: {
      number: version.versionNo,
      ...(pinned ? {} : { current: list.isCurrent }),
      documentNumber: version.documentNumber,
      publishedAt: version.publishedAt.toISOString(),
      publisher: version.publisherName,
      note: version.note,
      itemCount: version.rowCount,
    },
    // The columns as this version was published with them (a later change of the type does not alter it).
    fields: version.fields.map((f) => ({ key: f.key, label: f.label, type: f.type })),
    sections: version.sections,
    ...(pinned
      ? { versionsUrl: `${base}/api/public/typed-lists/${list.id}` }
      : { versions: list.versions.map((v) => ({ number: v.versionNo, documentNumber: v.documentNumber, publishedAt: v.publishedAt.toISOString(), itemCount: v.rowCount, url: `${base}/api/public/typed-lists/${list.id}?version=${v.versionNo}` })) }),
    url: `${base}/typed-lists/${list.id}${pinned || !list.isCurrent ? `?v=${version.versionNo}` : ""}`,
    items: version.rows.map((r, i) => apiRow(version.fields, r, i + 1)),
  });
}

/** A row as the API gives it: its values (stored) and text (as shown), by its version's columns. */
function apiRow(fields: FieldDef[], r: TypedRow, position?: number) {
  return {
    key: r.key,
    ...(position !== undefined ? { position } : {}),
    section: r.section,
    values: Object.fromEntries(fields.map((f) => [f.key, r.values[f.key] ?? ""])),
    text: Object.fromEntries(fields.map((f) => [f.key, displayCell(f, r.values[f.key])])),
  };
}

/** GET /api/public/typed-lists/{id}/diff?from=N&to=M: rows added, removed and changed between two published versions. */
export async function apiTypedDiff(request: Request, idParam: string) {
  const p = params(request, ["from", "to"], {
    from: positiveInt("from（起始版本号）", 100000),
    to: positiveInt("to（对比版本号）", 100000),
  });
  const id = pathId(idParam);
  const [a, b] = await Promise.all([publicTypedList(id, p.from), publicTypedList(id, p.to)]);
  if (!a || !b) {
    const list = await publicTypedList(id);
    if (!list) throw new ApiError(404, "NOT_FOUND", "找不到该清单，或该清单尚未公布。");
    const missing = a ? "to" : "from";
    throw new ApiError(404, "NOT_FOUND", `该清单没有第 ${missing === "from" ? p.from : p.to} 版（现有第 1 至 ${list.versions[0]?.versionNo ?? list.currentVersionNo} 版）。`, missing);
  }
  const from = a.version;
  const to = b.version;
  const diff = diffTypedVersions(from, to);
  const base = origin(request);
  const side = (v: typeof from) => ({
    version: v.versionNo,
    documentNumber: v.documentNumber,
    publishedAt: v.publishedAt.toISOString(),
    itemCount: v.rowCount,
    fields: v.fields.map((f) => ({ key: f.key, label: f.label, type: f.type })),
  });
  return json({
    list: { id, type: a.type.code, typeName: to.typeName, title: to.title, url: `${base}/typed-lists/${id}` },
    from: side(from),
    to: side(to),
    added: diff.added.map((r) => apiRow(to.fields, r)),
    removed: diff.removed.map((r) => apiRow(from.fields, r)),
    changed: diff.changed.map((c) => ({ key: c.key, name: c.name, changes: c.changes.map((x) => ({ field: x.key, label: x.label, before: x.before, after: x.after })) })),
    unchanged: diff.unchanged,
  });
}
