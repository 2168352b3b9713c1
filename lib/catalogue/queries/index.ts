import "server-only";
import type { CatalogueKind } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { editionAreaOf } from "../policy";
import { prisma } from "@/lib/db/client";
import { can } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { DETAIL_FIELDS, subItemFields, type DetailField } from "../item-data";
import { queryEditionCounts, queryItems } from "./items";
import { diffEditions, type CompareItem } from "../compare";
import type { ExportItem } from "../export-format";
import { dictionaryOptions, departmentOptions, previewFile, readImportOptions } from "../importing";
import { parseForImport } from "../parse-cache";
import type { ItemFilter } from "../schema";
import { AppError } from "@/lib/errors";

/**
 * The editions a user may read (as catalogueAllows answers for one): issued ones, and drafts for
 * 编办. A district 编办 reads the city's issued editions and its own district's, never another
 * district's nor the city's drafts; the city 编办 reads every edition of every district.
 */
export function readableEditionsWhere(user: SessionUser): Prisma.CatalogueEditionWhereInput {
  const drafts = can(user, "catalogue.readDraft");
  const area = editionAreaOf(user);
  if (area != null) return { OR: [{ areaUnitId: null, status: "ISSUED" }, { areaUnitId: area, ...(drafts ? {} : { status: "ISSUED" }) }] };
  return drafts ? {} : { status: "ISSUED" };
}

/** Editions of one kind the user may see: drafts only for 编办. The city's first, newest first. */
export async function listEditions(kind: CatalogueKind, user: SessionUser) {
  return prisma.catalogueEdition.findMany({
    where: { kind, ...readableEditionsWhere(user) },
    orderBy: [{ status: "asc" }, { issuedAt: "desc" }, { createdAt: "desc" }],
    select: {
      id: true, kind: true, title: true, status: true, description: true, issuedAt: true, issuedByName: true,
      createdAt: true, createdByName: true, updatedAt: true, areaUnitId: true,
      areaUnit: { select: { name: true } },
      copiedFrom: { select: { id: true, title: true } },
      _count: { select: { items: true } },
    },
  });
}

/** For the copy and compare selects: every edition the user may read, of one kind or all. */
export async function editionOptions(user: SessionUser, kind?: CatalogueKind) {
  return prisma.catalogueEdition.findMany({
    where: { ...(kind ? { kind } : {}), ...readableEditionsWhere(user) },
    orderBy: [{ kind: "asc" }, { createdAt: "desc" }],
    select: { id: true, kind: true, title: true, status: true, areaUnitId: true, areaUnit: { select: { name: true } } },
  });
}

export async function getEdition(id: number) {
  return prisma.catalogueEdition.findUnique({
    where: { id },
    select: {
      id: true, kind: true, title: true, status: true, description: true, issuedAt: true, issuedByName: true,
      createdAt: true, createdByName: true, updatedAt: true, areaUnitId: true,
      areaUnit: { select: { name: true } },
      copiedFrom: { select: { id: true, title: true, status: true, areaUnitId: true } },
      _count: { select: { items: true, subItems: true } },
    },
  });
}

export async function editionItems(editionId: number, filter: ItemFilter) {
  return queryItems(prisma, editionId, filter);
}

/** Counts by type, domain and department with the names the page shows. */
export async function editionCounts(editionId: number) {
  const [counts, dictionary, units] = await Promise.all([
    queryEditionCounts(prisma, editionId),
    dictionaryOptions(prisma),
    prisma.orgUnit.findMany({ where: { kind: "DEPARTMENT" }, select: { id: true, name: true, shortName: true } }),
  ]);
  const typeName = new Map(dictionary.powerTypes.map((e) => [e.id, e]));
  const domainName = new Map(dictionary.domains.map((e) => [e.id, e]));
  const unitName = new Map(units.map((u) => [u.id, u]));
  const sortByDictionary = <T extends { id: number | null }>(rows: T[], entries: { id: number }[]) => {
    const rank = new Map(entries.map((e, i) => [e.id, i]));
    return [...rows].sort((a, b) => (a.id == null ? 1e9 : (rank.get(a.id) ?? 1e8)) - (b.id == null ? 1e9 : (rank.get(b.id) ?? 1e8)));
  };
  return {
    total: counts.total,
    byType: sortByDictionary(counts.byType, dictionary.powerTypes).map((t) => ({ ...t, name: t.id == null ? "未分类" : (typeName.get(t.id)?.name ?? "未知") })),
    byDomain: sortByDictionary(counts.byDomain, dictionary.domains).map((d) => ({ ...d, name: d.id == null ? "未归类" : (domainName.get(d.id)?.name ?? "未知") })),
    byDepartment: counts.byDepartment
      .filter((d) => d.id != null)
      .map((d) => ({ ...d, name: unitName.get(d.id!)?.shortName ?? unitName.get(d.id!)?.name ?? "未知" }))
      .sort((a, b) => b.count - a.count),
  };
}

export async function getItem(id: number) {
  return prisma.catalogueItem.findUnique({
    where: { id },
    include: {
      edition: { select: { id: true, title: true, status: true, kind: true, areaUnitId: true } },
      powerType: { select: { id: true, name: true, active: true } },
      domain: { select: { id: true, name: true, active: true } },
      department: { select: { id: true, name: true } },
      subItems: { orderBy: { position: "asc" }, include: { powerType: { select: { id: true, name: true } } } },
    },
  });
}

/** The neighbours of an item in its edition, for 上一项 / 下一项. */
export async function itemNeighbours(editionId: number, position: number) {
  const [previous, next] = await Promise.all([
    prisma.catalogueItem.findFirst({ where: { editionId, position: { lt: position } }, orderBy: { position: "desc" }, select: { id: true, name: true } }),
    prisma.catalogueItem.findFirst({ where: { editionId, position: { gt: position } }, orderBy: { position: "asc" }, select: { id: true, name: true } }),
  ]);
  return { previous, next };
}

const fullItemSelect = {
  id: true, seq: true, code: true, name: true, powerTypeRaw: true, domainRaw: true, departmentName: true,
  legalBasis: true, exerciseSubject: true, handlingSection: true, implementationLevel: true, departmentDuty: true,
  responsibilities: true, responsibilityBasis: true, accountableParties: true, accountabilityGrounds: true,
  statutoryTimeLimit: true, promisedTimeLimit: true, chargesFee: true, supervisionPhone: true, remarks: true,
  powerType: { select: { name: true } },
  domain: { select: { name: true } },
  department: { select: { name: true } },
  subItems: { orderBy: { position: "asc" as const }, select: { name: true, powerTypeRaw: true, fields: true, powerType: { select: { name: true } } } },
};

async function fullItems(editionId: number) {
  return prisma.catalogueItem.findMany({ where: { editionId }, orderBy: { position: "asc" }, select: fullItemSelect });
}

type FullItem = Awaited<ReturnType<typeof fullItems>>[number];

function detailsOf(item: Partial<Record<DetailField, string | null>>) {
  const out: Partial<Record<DetailField, string | null>> = {};
  for (const f of DETAIL_FIELDS) out[f] = item[f] ?? null;
  return out;
}

function typeLabel(entry: { name: string } | null, raw: string | null): string | null {
  return entry?.name ?? (raw ? `${raw}（未归类）` : null);
}

function toShared(item: FullItem) {
  return {
    code: item.code,
    name: item.name,
    typeName: typeLabel(item.powerType, item.powerTypeRaw),
    domainName: item.domain?.name ?? item.domainRaw,
    departmentName: item.department?.name ?? item.departmentName,
    details: detailsOf(item),
    subItems: item.subItems.map((s) => {
      const fields = subItemFields(s.fields);
      return {
        name: s.name,
        code: fields.code ?? null,
        typeName: s.powerType?.name ?? s.powerTypeRaw ?? typeLabel(item.powerType, item.powerTypeRaw),
        details: detailsOf(fields),
      };
    }),
  };
}

/** Every item of an edition in order, as the export writes it. */
export async function exportItems(editionId: number): Promise<ExportItem[]> {
  return (await fullItems(editionId)).map((item) => ({ seq: item.seq, ...toShared(item) }));
}

export async function compareEditions(fromId: number, toId: number) {
  const [from, to] = await Promise.all([fullItems(fromId), fullItems(toId)]);
  const asCompare = (items: FullItem[]): CompareItem[] => items.map((item) => ({ id: item.id, ...toShared(item) }));
  return diffEditions(asCompare(from), asCompare(to));
}

export async function powerTypeOrder(): Promise<string[]> {
  const entries = await prisma.dictionaryEntry.findMany({ where: { kind: "POWER_TYPE" }, orderBy: { sortOrder: "asc" }, select: { name: true } });
  return entries.map((e) => e.name);
}

export async function importReports(editionId: number) {
  return prisma.importReport.findMany({
    where: { editionId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true, source: true, fileName: true, sha256: true, size: true, itemCount: true, subItemCount: true, skippedCount: true,
      excludedCount: true, warningCount: true, warnings: true, createdByName: true, createdAt: true,
    },
  });
}

/** Uploads of this user for an edition that are still waiting for a commit. */
export async function pendingImports(editionId: number, userId: number) {
  return prisma.importSession.findMany({
    where: { editionId, createdById: userId, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, fileName: true, size: true, createdAt: true },
  });
}

/**
 * Parses a kept upload before the transaction that commits it opens (commitImportAction's
 * `prepare`). The parse is cached, so the commit finds it ready instead of waiting for the worker
 * with a transaction open; a file that cannot be read is refused before any write. Whether the
 * upload exists and is the caller's is left to the command, which checks it again anyway.
 */
export async function parseKeptUpload(sessionId: number, userId: number): Promise<void> {
  const session = await prisma.importSession.findUnique({
    where: { id: sessionId },
    select: { createdById: true, fileName: true, sha256: true, bytes: true, options: true },
  });
  if (!session || session.createdById !== userId) return;
  const parse = await parseForImport(session.bytes, session.sha256, session.fileName, readImportOptions(session.options));
  if (!parse.ok) throw new AppError("BAD_FILE", parse.error ?? "文件无法读取。");
}

/** An upload and its preview; only the uploader sees it. */
export async function importPreview(sessionId: number, user: SessionUser) {
  const session = await prisma.importSession.findUnique({ where: { id: sessionId } });
  if (!session || session.createdById !== user.id) return null;
  const options = readImportOptions(session.options);
  const previous = await prisma.importReport.findUnique({
    where: { editionId_sha256: { editionId: session.editionId, sha256: session.sha256 } },
    select: { createdAt: true, createdByName: true, itemCount: true },
  });
  const { parse, preview } = await previewFile(prisma, {
    editionId: session.editionId,
    fileName: session.fileName,
    sha256: session.sha256,
    bytes: session.bytes,
    options,
  });
  return {
    session: { id: session.id, editionId: session.editionId, fileName: session.fileName, size: session.size, sha256: session.sha256, createdAt: session.createdAt, expiresAt: session.expiresAt },
    expired: session.expiresAt.getTime() < Date.now(),
    options,
    previous,
    parse: { ok: parse.ok, error: parse.error ?? null, format: parse.format ?? null, itemCount: parse.itemCount, subItemCount: parse.subItemCount },
    preview,
  };
}

export async function itemFormOptions() {
  const [dictionary, departments] = await Promise.all([dictionaryOptions(prisma), departmentOptions(prisma)]);
  return { ...dictionary, departments };
}
