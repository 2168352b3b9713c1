import "server-only";
import { z } from "zod";
import type { DutySection } from "@/lib/generated/prisma/enums";
import { ITEM_FIELDS } from "@/lib/lists/labels";
import { listCsv } from "./export";
import { publishedList, unitsWithLists } from "@/lib/local-duties/queries";
import { dutyValuesOf } from "@/lib/local-duties/fields";
import { dutiesCsv } from "@/lib/local-duties/export";
import { contentDisposition } from "@/lib/export-cells";
import type { PublicItem } from "./read";
import { publicList, publishedLists, searchLists, versionDiff, versionItems } from "./queries";
import { searchTypedRows } from "@/lib/list-types/queries";
import { isSafeText, routeId } from "@/lib/validation";
import { today } from "@/lib/dates";
import { formatDate } from "@/lib/format";
import { upcomingLabel, versionState } from "@/lib/lists/in-force";
import { POWER_LIST_TYPE } from "@/lib/list-types/schema";
import { countPublishedTypedLists } from "@/lib/list-types/queries";
import { listTypeParam, typedListsPage, typedListsSlice } from "@/lib/list-types/api";

// The open-data API (documented in README.md): JSON of published versions only, with paging,
// Chinese error messages and stable codes.

export class ApiError extends Error {
  constructor(
    readonly status: 400 | 404,
    readonly code: "INVALID_PARAMETER" | "NOT_FOUND",
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
  }
}

// Cache-Control and ETag of a successful answer come from the page cache (scripts/page-cache.mjs):
// immutable for a named version, a short shared lifetime for the current one. Errors set none,
// so a 404 for a list about to be published is not kept by a proxy.
const HEADERS = { "Access-Control-Allow-Origin": "*" };

export function json(body: unknown, status = 200) {
  return Response.json(body, { status, headers: HEADERS });
}

/** Runs a handler; an ApiError becomes its 400/404 JSON, anything else a 500 without details. */
export async function handle(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ApiError) {
      return json({ error: { code: e.code, message: e.message, ...(e.parameter ? { parameter: e.parameter } : {}) } }, e.status);
    }
    console.error("[api] unexpected failure", e);
    return json({ error: { code: "INTERNAL", message: "系统出现错误，请稍后重试。" } }, 500);
  }
}

const ALLOWED_PARAMS = {
  lists: ["page", "pageSize", "district", "kind", "q", "type"],
  list: ["version", "format"],
  diff: ["from", "to"],
  search: ["q", "page", "pageSize", "district"],
  localLists: ["page", "pageSize"],
  localList: ["version", "format"],
};

/** Parses query parameters strictly: an unknown or malformed one is a 400 naming it. */
export function params<S extends z.ZodRawShape>(request: Request, allowed: string[], shape: S): z.infer<z.ZodObject<S>> {
  const url = new URL(request.url);
  for (const key of url.searchParams.keys()) {
    if (!allowed.includes(key)) throw new ApiError(400, "INVALID_PARAMETER", `不支持参数「${key}」。可用参数：${allowed.join("、")}。`, key);
  }
  for (const key of allowed) {
    if (url.searchParams.getAll(key).length > 1) throw new ApiError(400, "INVALID_PARAMETER", `参数「${key}」只能出现一次。`, key);
  }
  const raw = Object.fromEntries(url.searchParams.entries());
  for (const [key, value] of Object.entries(raw)) {
    if (!isSafeText(value)) throw new ApiError(400, "INVALID_PARAMETER", `参数「${key}」含有无法识别的字符（如空字符）。`, key);
  }
  const parsed = z.object(shape).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue.path[0] ?? "");
    throw new ApiError(400, "INVALID_PARAMETER", issue.message, key || undefined);
  }
  return parsed.data;
}

export const positiveInt = (label: string, max = 1_000_000) =>
  z
    .string({ message: `请提供参数 ${label}。` })
    .regex(/^\d+$/, `${label}必须是正整数。`)
    .transform(Number)
    .pipe(z.number().int().min(1, `${label}必须是正整数。`).max(max, `${label}不能大于 ${max}。`));

export const page = positiveInt("page（页码）", 100000).optional().default(1);
export const pageSize = positiveInt("pageSize（每页条数）", 100).optional().default(20);

/** A path id: anything but a positive integer is simply not found. */
export function pathId(value: string): number {
  const id = routeId(value);
  if (id === null) throw new ApiError(404, "NOT_FOUND", "找不到该清单。");
  return id;
}

export const origin = (request: Request) => new URL(request.url).origin;

// ---- /api/public/lists ----

export async function apiLists(request: Request) {
  const p = params(request, ALLOWED_PARAMS.lists, {
    page,
    pageSize,
    district: positiveInt("district（区县编号）").optional(),
    kind: z.enum(["street", "community"], { message: "kind 只能是 street（街道、乡镇）或 community（社区、村）。" }).optional(),
    q: z.string().trim().max(50, "q 不能超过 50 个字。").optional(),
  });
  // `type`: power-list (the 职权清单) or a list type's code (GET /api/public/list-types); both when left out.
  const type = await listTypeParam(request);
  const filter = { district: p.district ?? null, kind: p.kind === "street" ? ("STREET" as const) : p.kind === "community" ? ("COMMUNITY" as const) : null, q: p.q || null };
  if (type && type !== POWER_LIST_TYPE) return json(await typedListsPage(request, { ...filter, type, page: p.page, pageSize: p.pageSize }));
  const result = await publishedLists({ ...filter, page: p.page, pageSize: p.pageSize });
  // Without a type the typed lists follow the 职权清单 in one paging.
  const typedTotal = type ? 0 : await countPublishedTypedLists(filter);
  const base = origin(request);
  const offset = (p.page - 1) * p.pageSize;
  const room = p.pageSize - result.items.length;
  const typed =
    !type && room > 0 && typedTotal > 0
      ? await typedListsSlice(request, filter, Math.max(0, offset - result.total), room)
      : [];
  return json({
    items: [...result.items.map((l) => ({
      id: l.id,
      type: POWER_LIST_TYPE,
      title: l.title,
      form: l.form,
      unit: { id: l.unit.id, name: l.unit.name, kind: l.unit.kind, district: l.unit.district },
      version: l.versionNo,
      documentNumber: l.documentNumber,
      publishedAt: l.publishedAt.toISOString(),
      effectiveAt: formatDate(l.effectiveAt),
      // false for a version published but not yet in force (no version of the list is yet).
      inForce: !l.upcoming,
      ...(l.upcoming ? { notice: upcomingLabel(l) } : {}),
      itemCount: l.itemCount,
      url: `${base}/lists/${l.id}`,
    })), ...typed],
    page: p.page,
    pageSize: p.pageSize,
    total: result.total + typedTotal,
  });
}

// ---- /api/public/lists/{id} ----

function apiItem(item: PublicItem, base: string, listId: number) {
  const out: Record<string, unknown> = {
    key: item.itemKey,
    position: item.position,
    section: item.section as DutySection,
    category: item.category,
    source: item.source,
  };
  for (const f of ITEM_FIELDS) out[f] = item[f];
  out.url = `${base}/lists/${listId}/items/${encodeURIComponent(item.itemKey)}`;
  return out;
}

export async function apiList(request: Request, idParam: string) {
  const p = params(request, ALLOWED_PARAMS.list, {
    version: positiveInt("version（版本号）", 100000).optional(),
    format: z.enum(["json", "csv"], { message: "format 只能是 json 或 csv。" }).optional().default("json"),
  });
  const id = pathId(idParam);
  const day = today();
  const list = await publicList(id, p.version ?? null);
  if (!list) {
    if (p.version && (await publicList(id))) throw new ApiError(404, "NOT_FOUND", `该清单没有第 ${p.version} 版。`, "version");
    throw new ApiError(404, "NOT_FOUND", "找不到该清单，或该清单尚未公布。");
  }
  const items = await versionItems(list.version.id);
  if (p.format === "csv") {
    const name = `${list.title}（第${list.version.versionNo}版）.csv`;
    return new Response(listCsv(list.form, items), {
      headers: {
        ...HEADERS,
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="list-${list.id}-v${list.version.versionNo}.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
      },
    });
  }
  const base = origin(request);
  // A response naming its version is cached for a year (scripts/page-cache.mjs), so it carries
  // only what was published. Whether that version is 现行, and which versions exist, change: they
  // are in the current answer and at /api/public/lists/{id}/versions.
  const pinned = p.version !== undefined;
  return json({
    id: list.id,
    type: POWER_LIST_TYPE,
    title: list.title,
    form: list.form,
    unit: { id: list.unit.id, name: list.unit.name, kind: list.unit.kind, district: list.unit.district },
    version: {
      number: list.version.versionNo,
      ...(pinned ? {} : { current: list.isCurrent, ...(list.upcoming ? { notice: upcomingLabel(list.version) } : {}) }),
      documentNumber: list.version.documentNumber,
      publishedAt: list.version.publishedAt.toISOString(),
      effectiveAt: formatDate(list.version.effectiveAt),
      publisher: list.version.publisherUnit,
      note: list.version.note,
      itemCount: list.version.itemCount,
    },
    ...(pinned ? { versionsUrl: `${base}/api/public/lists/${list.id}/versions` } : versionStatus(list, base, day)),
    url: `${base}/lists/${list.id}${pinned || !list.isCurrent ? `/v/${list.version.versionNo}` : ""}`,
    items: items.map((i) => apiItem(i, base, list.id)),
  });
}

type PublicListRead = NonNullable<Awaited<ReturnType<typeof publicList>>>;

/** Which version is in force and every version with its status: what changes as days pass. */
function versionStatus(list: PublicListRead, base: string, day: string) {
  // currentVersion, the version in force (现行): the latest whose 施行日期 has come; null before the first does.
  return versionState(list.versions, list.currentVersionNo, day, (v) => ({
    documentNumber: v.documentNumber,
    publishedAt: v.publishedAt.toISOString(),
    effectiveAt: formatDate(v.effectiveAt),
    itemCount: v.itemCount,
    url: `${base}/api/public/lists/${list.id}?version=${v.versionNo}`,
  }));
}

/** /api/public/lists/{id}/versions: a list's versions and which is in force, without items. */
export async function apiListVersions(request: Request, idParam: string) {
  params(request, [], {});
  const id = pathId(idParam);
  const list = await publicList(id);
  if (!list) throw new ApiError(404, "NOT_FOUND", "找不到该清单，或该清单尚未公布。");
  return json({ id: list.id, ...versionStatus(list, origin(request), today()) });
}

// ---- /api/public/lists/{id}/diff ----

export async function apiDiff(request: Request, idParam: string) {
  const p = params(request, ALLOWED_PARAMS.diff, {
    from: positiveInt("from（起始版本号）", 100000),
    to: positiveInt("to（对比版本号）", 100000),
  });
  const id = pathId(idParam);
  const result = await versionDiff(id, p.from, p.to);
  if (!result) {
    const list = await publicList(id);
    if (!list) throw new ApiError(404, "NOT_FOUND", "找不到该清单，或该清单尚未公布。");
    const missing = list.versions.some((v) => v.versionNo === p.from) ? "to" : "from";
    throw new ApiError(404, "NOT_FOUND", `该清单没有第 ${missing === "from" ? p.from : p.to} 版（现有第 1 至 ${list.latestVersionNo} 版）。`, missing);
  }
  const base = origin(request);
  const item = (i: PublicItem) => apiItem(i, base, id);
  return json({
    list: { id, url: `${base}/lists/${id}` },
    from: { version: result.from.versionNo, documentNumber: result.from.documentNumber, publishedAt: result.from.publishedAt.toISOString(), itemCount: result.from.itemCount },
    to: { version: result.to.versionNo, documentNumber: result.to.documentNumber, publishedAt: result.to.publishedAt.toISOString(), itemCount: result.to.itemCount },
    added: result.diff.added.map((i) => item(i as unknown as PublicItem)),
    removed: result.diff.removed.map((i) => item(i as unknown as PublicItem)),
    changed: result.diff.changed.map((c) => ({
      key: c.itemKey,
      name: c.name,
      changes: c.changes.map((x) => ({ field: x.field, label: x.label, before: x.before, after: x.after })),
      url: `${base}/lists/${id}/items/${encodeURIComponent(c.itemKey)}`,
    })),
    unchanged: result.diff.unchanged,
  });
}

// ---- /api/public/search ----

export async function apiSearch(request: Request) {
  const p = params(request, ALLOWED_PARAMS.search, {
    q: z
      .string({ message: "请提供检索词 q。" })
      .trim()
      .min(2, "检索词 q 至少 2 个字。")
      .max(50, "检索词 q 不能超过 50 个字。"),
    page,
    pageSize,
    district: positiveInt("district（区县编号）").optional(),
  });
  const [result, typed] = await Promise.all([
    searchLists({ q: p.q, page: p.page, pageSize: p.pageSize, district: p.district ?? null }),
    p.page === 1 ? searchTypedRows({ q: p.q, district: p.district ?? null, limit: 20 }) : null,
  ]);
  if (result.q.length < 2) throw new ApiError(400, "INVALID_PARAMETER", "检索词 q 去掉空格后至少 2 个字。", "q");
  const base = origin(request);
  return json({
    q: p.q,
    items: result.hits.map((h) => ({
      key: h.itemKey,
      name: h.name,
      subItemName: h.subItemName,
      code: h.code,
      powerType: h.powerType,
      category: h.category,
      section: h.section,
      list: { id: h.list.id, title: h.list.title, version: h.list.versionNo, url: `${base}/lists/${h.list.id}` },
      unit: { id: h.unit.id, name: h.unit.name, kind: h.unit.kind, district: h.unit.district },
      url: `${base}/lists/${h.list.id}/items/${encodeURIComponent(h.itemKey)}`,
    })),
    page: p.page,
    pageSize: p.pageSize,
    total: result.total,
    totalIsLowerBound: result.capped,
    // Rows of lists of configurable types (各类清单), on the first page only.
    ...(typed
      ? {
          typedItems: typed.hits.map((h) => ({
            key: h.rowKey,
            name: h.name,
            type: h.type.code,
            typeName: h.type.name,
            list: { id: h.list.id, title: h.list.title, version: h.list.versionNo, url: `${base}/typed-lists/${h.list.id}`, api: `${base}/api/public/typed-lists/${h.list.id}` },
            unit: h.unit,
            url: `${base}/typed-lists/${h.list.id}#row-${encodeURIComponent(h.rowKey)}`,
          })),
          typedTotal: typed.total,
        }
      : {}),
  });
}

// ---- /api/public/local-duties ----

/** Each street's or community's current 属地管理事项清单, paged. */
export async function apiLocalLists(request: Request) {
  const p = params(request, ALLOWED_PARAMS.localLists, { page, pageSize });
  const all = await unitsWithLists();
  const base = origin(request);
  return json({
    items: all.slice((p.page - 1) * p.pageSize, p.page * p.pageSize).map((u) => ({
      unit: { id: u.unit_id, name: u.unit_name, kind: u.kind, district: u.district, street: u.street },
      version: u.version_no,
      publishedAt: u.published_at.toISOString(),
      itemCount: u.item_count,
      url: `${base}/local-duties/${u.unit_id}`,
      api: `${base}/api/public/local-duties/${u.unit_id}`,
    })),
    page: p.page,
    pageSize: p.pageSize,
    total: all.length,
  });
}

/** One unit's current (or ?version=N) 属地管理事项清单 with its duties, as JSON or CSV. */
export async function apiLocalList(request: Request, unitIdParam: string) {
  const p = params(request, ALLOWED_PARAMS.localList, {
    version: positiveInt("version（版本号）", 100000).optional(),
    format: z.enum(["json", "csv"], { message: "format 只能是 json 或 csv。" }).optional().default("json"),
  });
  const unitId = routeId(unitIdParam);
  if (unitId === null) throw new ApiError(404, "NOT_FOUND", "找不到该单位的属地管理事项清单。");
  const list = await publishedList(unitId, p.version);
  if (!list) {
    if (p.version && (await publishedList(unitId))) throw new ApiError(404, "NOT_FOUND", `该清单没有第 ${p.version} 版。`, "version");
    throw new ApiError(404, "NOT_FOUND", "找不到该单位的属地管理事项清单，或尚未公布。");
  }
  const { version, versions, items } = list;
  if (p.format === "csv") {
    const name = `${version.unitName}属地管理事项清单（第${version.versionNo}版）.csv`;
    return new Response(dutiesCsv(items), {
      headers: { ...HEADERS, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": contentDisposition(name, `local-duties-${unitId}-v${version.versionNo}.csv`) },
    });
  }
  const base = origin(request);
  // As for power lists: an answer naming its version is cached for a year, so it leaves out what
  // a later publication changes (whether it is current, the list of versions).
  const pinned = p.version !== undefined;
  return json({
    unit: { id: unitId, name: version.unitName },
    version: {
      number: version.versionNo,
      ...(pinned ? {} : { current: versions[0].versionNo === version.versionNo }),
      publishedAt: version.publishedAt.toISOString(),
      publisher: version.publisherName,
      note: version.note,
      itemCount: version.itemCount,
    },
    ...(pinned
      ? { versionsUrl: `${base}/api/public/local-duties/${unitId}` }
      : { versions: versions.map((v) => ({ number: v.versionNo, publishedAt: v.publishedAt.toISOString(), note: v.note, itemCount: v.itemCount, url: `${base}/api/public/local-duties/${unitId}?version=${v.versionNo}` })) }),
    url: `${base}/local-duties/${unitId}${pinned || versions[0].versionNo !== version.versionNo ? `?v=${version.versionNo}` : ""}`,
    // The duty's fields from their one definition (lib/local-duties/fields.ts).
    items: items.map((i) => ({ position: i.position, ...dutyValuesOf(i), admissionCode: i.admissionCode })),
  });
}
