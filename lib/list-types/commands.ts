import type { z } from "zod";
import type { CommandContext } from "@/lib/action";
import type { Tx } from "@/lib/db/client";
import type { OrgKind } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import type { GridResult } from "@/lib/catalogue/import/grid";
import { normaliseText } from "@/lib/lists/text";
import { displayCell, parseRow, type FieldDef } from "./fields";
import { parseTypedGrid } from "./import";
import { rowName } from "./diff";
import { typedListSubjectOf, type TypedListSubject } from "./policy";
import {
  parseStoredFields,
  parseStoredRows,
  parseStageLine,
  parseStoredStages,
  parseStoredStrings,
  publicationProblems,
  snapshotOf,
  type createListSchema,
  type importRowsSchema,
  type createTypeSchema,
  type publishSchema,
  type removeRowSchema,
  type reviewSchema,
  type saveRowSchema,
  type submitSchema,
  type typeStateSchema,
  type StageDef,
  type TypedRow,
  type updateTypeSchema,
} from "./schema";

type Ctx = Pick<CommandContext, "tx" | "user" | "audit">;

// ---- list types ----

/** Units that own lists (streets, townships, communities) do not review them. */
const REVIEWING_KINDS: OrgKind[] = ["CITY", "DISTRICT", "DEPARTMENT", "BIANBAN"];

/** The type editor's stage lines as stored: each named reviewing unit found by its name (or short name). */
async function resolveStages(tx: Tx, stageLines: readonly string[]): Promise<StageDef[]> {
  const out: StageDef[] = [];
  for (const [i, line] of stageLines.entries()) {
    const { name, unitName } = parseStageLine(line);
    if (unitName === null) {
      out.push({ name, unitId: null });
      continue;
    }
    const units = await tx.orgUnit.findMany({ where: { active: true, kind: { in: REVIEWING_KINDS }, OR: [{ name: unitName }, { shortName: unitName }] }, select: { id: true }, take: 2 });
    const problem = units.length === 0 ? `第 ${i + 1} 个审核环节：找不到审核单位「${unitName}」（请填写单位全称，或「编办」）` : units.length > 1 ? `第 ${i + 1} 个审核环节：「${unitName}」对应多个单位，请填写单位全称` : null;
    if (problem) throw new AppError("VALIDATION", problem, { stages: problem });
    out.push({ name, unitId: units[0].id });
  }
  return out;
}

export async function createListType(input: z.infer<typeof createTypeSchema>, ctx: Ctx) {
  const { tx } = ctx;
  if (await tx.listType.findUnique({ where: { code: input.code }, select: { id: true } })) throw new AppError("DUPLICATE", undefined, { code: `类型代码「${input.code}」已被使用` });
  if (await tx.listType.findFirst({ where: { name: input.name }, select: { id: true } })) throw new AppError("DUPLICATE", undefined, { name: `已有名为「${input.name}」的清单类型` });
  const stages = await resolveStages(tx, input.stages);
  const last = await tx.listType.aggregate({ _max: { sortOrder: true } });
  const type = await tx.listType.create({
    data: {
      code: input.code,
      name: input.name,
      description: input.description,
      unitKinds: input.unitKinds,
      fields: input.fields,
      sections: input.sections,
      stages,
      sortOrder: (last._max.sortOrder ?? 0) + 1,
    },
  });
  await ctx.audit({ action: "listType.create", subjectType: "listType", subjectId: type.id, after: { code: type.code, name: type.name, unitKinds: input.unitKinds, fields: input.fields, sections: input.sections, stages } });
  return { id: type.id, code: type.code };
}

/**
 * Changes a type's definition. Published versions keep the definition they were published with
 * (typed_list_version.fields), so this reaches drafts and the next publication only.
 */
export async function updateListType(input: z.infer<typeof updateTypeSchema>, ctx: Ctx) {
  const { tx } = ctx;
  const before = await tx.listType.findUnique({ where: { id: input.typeId } });
  if (!before) throw new AppError("NOT_FOUND");
  if (before.revision !== input.revision) throw new AppError("CONFLICT");
  if (await tx.listType.findFirst({ where: { name: input.name, id: { not: before.id } }, select: { id: true } })) throw new AppError("DUPLICATE", undefined, { name: `已有名为「${input.name}」的清单类型` });
  const used = await tx.typedList.findMany({ where: { typeId: before.id }, select: { unit: { select: { kind: true, name: true } } } });
  const orphan = used.find((l) => !(input.unitKinds as OrgKind[]).includes(l.unit.kind));
  if (orphan) throw new AppError("VALIDATION", undefined, { unitKinds: `${orphan.unit.name}已有此类清单，不能去掉其单位类别` });
  const stages = await resolveStages(tx, input.stages);
  const updated = await tx.listType.updateMany({
    where: { id: before.id, revision: input.revision },
    data: { name: input.name, description: input.description, unitKinds: input.unitKinds, fields: input.fields, sections: input.sections, stages, revision: { increment: 1 } },
  });
  if (updated.count !== 1) throw new AppError("CONFLICT");
  await ctx.audit({
    action: "listType.update",
    subjectType: "listType",
    subjectId: before.id,
    before: { name: before.name, unitKinds: before.unitKinds, fields: before.fields, sections: before.sections, stages: before.stages },
    after: { name: input.name, unitKinds: input.unitKinds, fields: input.fields, sections: input.sections, stages },
  });
  return { id: before.id };
}

async function typeAtRevision(tx: Tx, input: z.infer<typeof typeStateSchema>) {
  const type = await tx.listType.findUnique({ where: { id: input.typeId }, include: { _count: { select: { lists: true } } } });
  if (!type) throw new AppError("NOT_FOUND");
  if (type.revision !== input.revision) throw new AppError("CONFLICT");
  return type;
}

/** 停用: no new lists of the type; its lists stay readable, editable and published. */
export async function retireListType(input: z.infer<typeof typeStateSchema>, ctx: Ctx) {
  const { tx } = ctx;
  const type = await typeAtRevision(tx, input);
  if (type.retiredAt) throw new AppError("INVALID_STATE", `「${type.name}」已经停用。`);
  const r = await tx.listType.updateMany({ where: { id: type.id, revision: type.revision }, data: { retiredAt: new Date(), revision: { increment: 1 } } });
  if (r.count !== 1) throw new AppError("CONFLICT");
  await ctx.audit({ action: "listType.retire", subjectType: "listType", subjectId: type.id, before: { name: type.name, retired: false }, after: { name: type.name, retired: true, lists: type._count.lists } });
  return { id: type.id };
}

/** 启用 a retired type again. */
export async function reactivateListType(input: z.infer<typeof typeStateSchema>, ctx: Ctx) {
  const { tx } = ctx;
  const type = await typeAtRevision(tx, input);
  if (!type.retiredAt) throw new AppError("INVALID_STATE", `「${type.name}」没有停用。`);
  const r = await tx.listType.updateMany({ where: { id: type.id, revision: type.revision }, data: { retiredAt: null, revision: { increment: 1 } } });
  if (r.count !== 1) throw new AppError("CONFLICT");
  await ctx.audit({ action: "listType.reactivate", subjectType: "listType", subjectId: type.id, before: { name: type.name, retired: true }, after: { name: type.name, retired: false } });
  return { id: type.id };
}

/** Deletes a type no list uses (not even a draft); a used one can only be retired. */
export async function deleteListType(input: z.infer<typeof typeStateSchema>, ctx: Ctx) {
  const { tx } = ctx;
  const type = await typeAtRevision(tx, input);
  if (type._count.lists > 0) throw new AppError("INVALID_STATE", `已有 ${type._count.lists} 份「${type.name}」，不能删除；不再使用时可以停用。`);
  await tx.listType.delete({ where: { id: type.id } });
  await ctx.audit({ action: "listType.delete", subjectType: "listType", subjectId: type.id, before: { code: type.code, name: type.name, unitKinds: type.unitKinds, fields: type.fields, sections: type.sections, stages: type.stages } });
  return { id: type.id };
}

// ---- typed lists ----

/** The subject of a command on one typed list: its unit (false: no such list). */
export async function typedListSubject(input: { listId: number }, tx: Tx): Promise<TypedListSubject | false> {
  const list = await tx.typedList.findUnique({ where: { id: input.listId }, select: { unitId: true, status: true, stageIndex: true, type: { select: { stages: true } } } });
  return list ? typedListSubjectOf(list) : false;
}

/** The subject of a new draft: the unit it would be drafted for (false: no such unit). */
export async function newTypedListSubject(input: { unitId: number }, tx: Tx): Promise<TypedListSubject | false> {
  const unit = await tx.orgUnit.findUnique({ where: { id: input.unitId }, select: { id: true } });
  return unit ? { type: "typedList", unitId: unit.id } : false;
}

async function loadType(tx: Tx, typeId: number) {
  const type = await tx.listType.findUnique({ where: { id: typeId } });
  if (!type) throw new AppError("NOT_FOUND");
  const stageDefs = parseStoredStages(type.stages);
  return { ...type, fields: parseStoredFields(type.fields), sections: parseStoredStrings(type.sections), stages: stageDefs.map((st) => st.name), stageDefs };
}

async function loadList(tx: Tx, listId: number, revision?: number) {
  const list = await tx.typedList.findUnique({ where: { id: listId }, include: { unit: { select: { id: true, name: true, kind: true } } } });
  if (!list) throw new AppError("NOT_FOUND");
  if (revision !== undefined && list.revision !== revision) throw new AppError("CONFLICT");
  const type = await loadType(tx, list.typeId);
  return { list, type, rows: parseStoredRows(list.rows) };
}

async function bump(tx: Tx, listId: number, revision: number, data: Parameters<Tx["typedList"]["updateMany"]>[0]["data"]) {
  const r = await tx.typedList.updateMany({ where: { id: listId, revision }, data: { ...data, revision: { increment: 1 } } });
  if (r.count !== 1) throw new AppError("CONFLICT");
}

export async function createTypedList(input: z.infer<typeof createListSchema>, ctx: Ctx) {
  const { tx } = ctx;
  const type = await loadType(tx, input.typeId);
  const unit = await tx.orgUnit.findUnique({ where: { id: input.unitId }, select: { id: true, name: true, kind: true, active: true } });
  if (!unit) throw new AppError("NOT_FOUND");
  if (!unit.active) throw new AppError("INVALID_STATE", "该单位已停用。");
  if (type.retiredAt) throw new AppError("INVALID_STATE", `「${type.name}」已停用，不能新建此类清单。`);
  if (!type.unitKinds.includes(unit.kind)) throw new AppError("VALIDATION", undefined, { unitId: `${type.name}不适用于${unit.name}` });
  const existing = await tx.typedList.findUnique({ where: { typeId_unitId: { typeId: type.id, unitId: unit.id } }, select: { id: true } });
  if (existing) throw new AppError("DUPLICATE", `${unit.name}已有${type.name}，请在原清单上修改。`);
  const list = await tx.typedList.create({ data: { typeId: type.id, unitId: unit.id, title: `${unit.name}${type.name}` } });
  await ctx.audit({ action: "typedList.create", subjectType: "typedList", subjectId: list.id, after: { type: type.code, unit: unit.name, title: list.title } });
  return { id: list.id };
}

function editable(list: { status: string }) {
  if (list.status === "IN_REVIEW") throw new AppError("INVALID_STATE", "清单正在审核中，退回后才能修改。");
}

/** Adds a row (no rowKey) or replaces one, checked against the type's current columns. */
export async function saveRow(input: z.infer<typeof saveRowSchema>, ctx: Ctx) {
  const { tx } = ctx;
  const { list, type, rows } = await loadList(tx, input.listId, input.revision);
  editable(list);
  const parsed = parseRow(type.fields, input.v);
  if ("problems" in parsed) throw new AppError("VALIDATION", undefined, Object.fromEntries(Object.entries(parsed.problems).map(([k, m]) => [`v.${k}`, m])));
  const section = input.section || null;
  if (type.sections.length > 0 && (!section || !type.sections.includes(section))) throw new AppError("VALIDATION", undefined, { section: "请选择分类" });
  if (type.sections.length === 0 && section) throw new AppError("VALIDATION", undefined, { section: "该类清单不分类" });
  let next: TypedRow[];
  let key = input.rowKey;
  let before: TypedRow | null = null;
  if (key) {
    const i = rows.findIndex((r) => r.key === key);
    if (i < 0) throw new AppError("NOT_FOUND");
    before = rows[i];
    next = rows.map((r, j) => (j === i ? { key, section, values: parsed.values } : r));
  } else {
    key = String(list.nextRowKey);
    next = [...rows, { key, section, values: parsed.values }];
  }
  await bump(tx, list.id, list.revision, { rows: next, ...(input.rowKey ? {} : { nextRowKey: { increment: 1 } }), status: list.status === "PUBLISHED" ? "DRAFT" : list.status });
  await ctx.audit({ action: "typedList.row.save", subjectType: "typedList", subjectId: list.id, before, after: { key, section, values: parsed.values } });
  return { key };
}

export async function removeRow(input: z.infer<typeof removeRowSchema>, ctx: Ctx) {
  const { tx } = ctx;
  const { list, rows } = await loadList(tx, input.listId, input.revision);
  editable(list);
  const row = rows.find((r) => r.key === input.rowKey);
  if (!row) throw new AppError("NOT_FOUND");
  await bump(tx, list.id, list.revision, { rows: rows.filter((r) => r !== row), status: list.status === "PUBLISHED" ? "DRAFT" : list.status });
  await ctx.audit({ action: "typedList.row.remove", subjectType: "typedList", subjectId: list.id, before: row });
  return { key: row.key };
}

type ImportCtx = Ctx & { prepared: GridResult };

async function importPreview(tx: Tx, input: z.infer<typeof importRowsSchema>, grid: GridResult) {
  if (!grid.ok) throw new AppError("BAD_FILE", grid.error);
  const { list, type } = await loadList(tx, input.listId, input.revision);
  editable(list);
  const preview = parseTypedGrid(grid.sheets, type.fields, type.sections);
  if (!preview.ok) throw new AppError("BAD_FILE", preview.error);
  return { list, preview: { ...preview, notices: grid.notices } };
}

/** What an import would add: each row with its problems. Writes nothing. */
export async function previewRowsImport(input: z.infer<typeof importRowsSchema>, { tx, prepared }: ImportCtx) {
  return (await importPreview(tx, input, prepared)).preview;
}

/** Appends the spreadsheet's rows to the draft: all of them, or none when any row has a problem. */
export async function importRows(input: z.infer<typeof importRowsSchema>, ctx: ImportCtx) {
  const { tx } = ctx;
  const { list, preview } = await importPreview(tx, input, ctx.prepared);
  if (preview.counts.error) throw new AppError("VALIDATION", `表格中有 ${preview.counts.error} 行有错误，没有导入任何事项。请按预览中的提示修改文件后重新上传。`);
  const rows = parseStoredRows(list.rows);
  const added: TypedRow[] = preview.rows.map((r, i) => ({ key: String(list.nextRowKey + i), section: r.section, values: r.values }));
  await bump(tx, list.id, list.revision, { rows: [...rows, ...added], nextRowKey: list.nextRowKey + added.length, status: list.status === "PUBLISHED" ? "DRAFT" : list.status });
  await ctx.audit({ action: "typedList.import", subjectType: "typedList", subjectId: list.id, after: { fileName: input.fileName, rows: added.length } });
  return { added: added.length };
}

/** Sends the draft into the type's first review stage (or, for a type without stages, leaves it ready to publish). */
export async function submitList(input: z.infer<typeof submitSchema>, ctx: Ctx) {
  const { tx } = ctx;
  const { list, type, rows } = await loadList(tx, input.listId, input.revision);
  if (list.status === "IN_REVIEW") throw new AppError("INVALID_STATE", "清单已在审核中。");
  const problems = publicationProblems(type.fields, type.sections, rows);
  if (problems.length) throw new AppError("VALIDATION", `请先改正：${problems.slice(0, 5).join("；")}${problems.length > 5 ? `等 ${problems.length} 处` : ""}`);
  if (type.stages.length === 0) throw new AppError("INVALID_STATE", "该类清单没有审核环节，可直接公布。");
  await bump(tx, list.id, list.revision, { status: "IN_REVIEW", stageIndex: 0 });
  await ctx.audit({ action: "typedList.submit", subjectType: "typedList", subjectId: list.id, after: { stage: type.stages[0] } });
  return { stage: type.stages[0] };
}

/** An opinion at the current stage: 通过 moves to the next stage (after the last, ready to publish); 退回 sends it back to drafting. */
export async function reviewList(input: z.infer<typeof reviewSchema>, ctx: Ctx) {
  const { tx, user } = ctx;
  const { list, type } = await loadList(tx, input.listId, input.revision);
  if (list.status !== "IN_REVIEW") throw new AppError("INVALID_STATE", "清单不在审核中。");
  if (list.stageIndex >= type.stages.length) throw new AppError("INVALID_STATE", "审核已完成，待公布。");
  const stageName = type.stages[list.stageIndex];
  // A stage that names a unit takes that unit's opinion only (the policy checks it too).
  const reviewer = type.stageDefs[list.stageIndex]?.unitId ?? null;
  if (reviewer !== null && reviewer !== user.unitId) throw new AppError("FORBIDDEN", `「${stageName}」环节由指定单位审核。`);
  await tx.typedListOpinion.create({
    data: { listId: list.id, stageIndex: list.stageIndex, stageName, approve: input.decision === "approve", text: input.opinion, authorName: user.displayName, unitName: user.unitName ?? "" },
  });
  const approve = input.decision === "approve";
  await bump(tx, list.id, list.revision, approve ? { stageIndex: list.stageIndex + 1 } : { status: "DRAFT", stageIndex: 0 });
  await ctx.audit({ action: "typedList.review", subjectType: "typedList", subjectId: list.id, after: { stage: stageName, decision: input.decision, opinion: input.opinion } });
  return { done: approve && list.stageIndex + 1 >= type.stages.length };
}

/**
 * What the cross-list search looks in for a published row: its section and every cell as shown,
 * each normalised (as power-list items are), one line each so no match spans two cells.
 */
export function rowSearchText(fields: readonly FieldDef[], row: TypedRow): string {
  return [row.section, ...fields.map((f) => displayCell(f, row.values[f.key]))].map(normaliseText).filter(Boolean).join("\n");
}

/**
 * Publishes the draft as a new immutable version. The version stores a copy of the type's
 * columns and sections as they are now (snapshotOf), so a later change of the type alters only
 * later versions.
 */
export async function publishList(input: z.infer<typeof publishSchema>, ctx: Ctx) {
  const { tx, user } = ctx;
  const { list, type, rows } = await loadList(tx, input.listId, input.revision);
  if (type.stages.length > 0 && !(list.status === "IN_REVIEW" && list.stageIndex >= type.stages.length)) {
    throw new AppError("INVALID_STATE", `请先完成审核（${type.stages.join("、")}）后再公布。`);
  }
  if (type.stages.length === 0 && list.status === "IN_REVIEW") throw new AppError("INVALID_STATE");
  const problems = publicationProblems(type.fields, type.sections, rows);
  if (problems.length) throw new AppError("VALIDATION", `请先改正：${problems.slice(0, 5).join("；")}${problems.length > 5 ? `等 ${problems.length} 处` : ""}`);
  const snapshot = snapshotOf(type, rows);
  // Only the current columns' values go into the version.
  const keys = new Set(snapshot.fields.map((f) => f.key));
  snapshot.rows = snapshot.rows.map((r) => ({ ...r, values: Object.fromEntries(Object.entries(r.values).filter(([k]) => keys.has(k))) }));
  const versionNo = list.versionCount + 1;
  const version = await tx.typedListVersion.create({
    data: {
      listId: list.id,
      versionNo,
      title: list.title,
      unitName: list.unit.name,
      typeCode: type.code,
      typeName: type.name,
      documentNumber: input.documentNumber,
      publisherName: user.unitName ?? user.displayName,
      note: input.note,
      fields: snapshot.fields,
      sections: snapshot.sections,
      rows: snapshot.rows,
      rowCount: snapshot.rows.length,
    },
  });
  // The cross-list search reads the current version's rows only.
  await tx.typedListSearch.deleteMany({ where: { listId: list.id } });
  await tx.typedListSearch.createMany({
    data: snapshot.rows.map((r, i) => ({ listId: list.id, versionId: version.id, rowKey: r.key, position: i + 1, name: rowName(snapshot.fields, r), text: rowSearchText(snapshot.fields, r) })),
  });
  await bump(tx, list.id, list.revision, { status: "PUBLISHED", stageIndex: 0, currentVersionId: version.id, versionCount: versionNo });
  await ctx.audit({ action: "typedList.publish", subjectType: "typedList", subjectId: list.id, after: { version: versionNo, documentNumber: input.documentNumber, rows: snapshot.rows.length } });
  return { versionNo, versionId: version.id };
}
