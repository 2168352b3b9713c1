import crypto from "node:crypto";
import type { z } from "zod";
import type { Tx } from "@/lib/db/client";
import type { CommandContext } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { unitInArea } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/types";
import { dbDate, toDay } from "@/lib/calendar/workdays";
import { normaliseName } from "@/lib/refusals/match";
import type { GridResult } from "@/lib/catalogue/import/grid";
import type { addDutySchema, DutyFields, importDutiesSchema, publishDutiesSchema, removeDutySchema, updateDutySchema } from "./schema";
import { dutyFieldsOf, parseDutyGrid, type DutyImportPreview } from "./import";
import { DUTY_FIELD_KEYS, dutyValuesOf, hasUnpublishedChanges, type LocalDutySnapshotItem } from "./fields";

export type { LocalDutySnapshotItem } from "./fields";
export { hasUnpublishedChanges } from "./fields";

/**
 * Publishes the unit's active local duties as its next immutable version (a database trigger
 * refuses changes to published versions). Called in the caller's transaction.
 */
export async function publishLocalDutyList(tx: Tx, unitId: number, note: string, publisherName: string) {
  // Serialise publications of one unit so two never take the same number.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(4006, ${unitId})`;
  // One query at a time: a transaction's connection runs them in order anyway.
  const unit = await tx.orgUnit.findUniqueOrThrow({ where: { id: unitId }, select: { name: true } });
  const items = await snapshotOf(tx, unitId);
  const last = await tx.localDutyListVersion.findFirst({ where: { unitId }, orderBy: { versionNo: "desc" }, select: { versionNo: true } });
  return tx.localDutyListVersion.create({
    data: { unitId, versionNo: (last?.versionNo ?? 0) + 1, unitName: unit.name, publisherName, note, itemCount: items.length, items },
    select: { id: true, versionNo: true, itemCount: true },
  });
}

/** What the unit's list would say if published now: its active duties in list order. */
export async function snapshotOf(tx: Pick<Tx, "localDuty">, unitId: number): Promise<LocalDutySnapshotItem[]> {
  const duties = await tx.localDuty.findMany({
    where: { unitId, active: true },
    orderBy: [{ admittedOn: "asc" }, { id: "asc" }],
    include: { admission: { select: { code: true } } },
  });
  return duties.map((d, i) => ({
    id: d.id,
    position: i + 1,
    ...dutyValuesOf(d),
    fundingAmount: d.fundingAmount.toFixed(2),
    admissionCode: d.admission?.code ?? null,
  }));
}

type Ctx = CommandContext;
const today = () => dbDate(toDay(new Date()));

/** A short fingerprint of a duty's editable content, so a stale form is refused rather than applied. */
export function dutyStamp(d: { active: boolean } & Record<(typeof EDITABLE)[number], unknown>): string {
  const content = JSON.stringify([d.active, ...EDITABLE.map((k) => d[k] ?? null)]);
  return crypto.createHash("sha256").update(content).digest("hex").slice(0, 16);
}
const EDITABLE = ["departmentId", ...DUTY_FIELD_KEYS] as const;

/** A district 编办 keeps the lists of its own district's units only (lib/auth/scope.ts). */
function refuseOutsideArea(user: Pick<SessionUser, "area">, unitId: number) {
  if (!unitInArea(user, unitId)) throw new AppError("FORBIDDEN", "该单位不在本区县，不能维护其属地管理事项清单。");
}

async function localUnit(tx: Tx, unitId: number, user: Pick<SessionUser, "area">) {
  const unit = await tx.orgUnit.findUnique({ where: { id: unitId }, select: { id: true, name: true, kind: true, active: true } });
  if (!unit) throw new AppError("NOT_FOUND");
  refuseOutsideArea(user, unit.id);
  if (!["STREET", "TOWNSHIP", "COMMUNITY"].includes(unit.kind)) throw new AppError("VALIDATION", "属地管理事项清单只属于街道（乡镇）和社区（村）。");
  if (!unit.active) throw new AppError("INVALID_STATE", "该单位已停用。");
  return unit;
}

/** The department as chosen (a unit) or written (free text), checked to be a department. */
async function department(tx: Tx, input: DutyFields) {
  if (!input.departmentId) return { departmentId: null, departmentName: input.departmentName };
  const dept = await tx.orgUnit.findFirst({ where: { id: input.departmentId, kind: { in: ["DEPARTMENT", "BIANBAN"] } }, select: { id: true, name: true } });
  if (!dept) throw new AppError("VALIDATION", undefined, { departmentId: "请选择区级部门" });
  return { departmentId: dept.id, departmentName: dept.name };
}

/** The duty's own fields as the form sent them (the department is set by `department()`). */
function fieldsOf(input: DutyFields) {
  return { ...dutyValuesOf(input), nameKey: normaliseName(input.name) };
}

async function editableDuty(tx: Tx, id: number, stamp: string, user: Pick<SessionUser, "area">) {
  const duty = await tx.localDuty.findUnique({ where: { id } });
  if (!duty) throw new AppError("NOT_FOUND");
  refuseOutsideArea(user, duty.unitId);
  if (duty.admissionId) throw new AppError("INVALID_STATE", "准入事项的内容以准入决定为准，不能在此修改；撤销须经年度评议。");
  if (!duty.active) throw new AppError("INVALID_STATE", "该事项已移出清单。");
  if (dutyStamp(duty) !== stamp) throw new AppError("CONFLICT", "该事项已被他人修改，您的修改没有保存。请刷新页面查看最新内容后再改。");
  return duty;
}

/** 编办 enters a duty the unit already holds (存量事项); it appears in the next published version. */
export async function addDuty(input: z.infer<typeof addDutySchema>, { tx, user, audit }: Ctx) {
  const unit = await localUnit(tx, input.unitId, user);
  const dept = await department(tx, input);
  const clash = await tx.localDuty.findFirst({ where: { unitId: unit.id, active: true, nameKey: normaliseName(input.name) }, select: { id: true } });
  if (clash) throw new AppError("DUPLICATE", undefined, { name: `${unit.name}的清单中已有同名事项` });
  const duty = await tx.localDuty.create({ data: { unitId: unit.id, ...fieldsOf(input), ...dept, admittedOn: today() } });
  await audit({ action: "localDuty.add", subjectType: "localDuty", subjectId: duty.id, after: { unitId: unit.id, ...fieldsOf(input), ...dept } });
  return { id: duty.id };
}

export async function updateDuty(input: z.infer<typeof updateDutySchema>, { tx, user, audit }: Ctx) {
  const duty = await editableDuty(tx, input.id, input.stamp, user);
  const dept = await department(tx, input);
  const clash = await tx.localDuty.findFirst({ where: { unitId: duty.unitId, active: true, nameKey: normaliseName(input.name), id: { not: duty.id } }, select: { id: true } });
  if (clash) throw new AppError("DUPLICATE", undefined, { name: "清单中已有同名事项" });
  const next = { ...fieldsOf(input), ...dept };
  await tx.localDuty.update({ where: { id: duty.id }, data: next });
  const before = Object.fromEntries(EDITABLE.map((k) => [k, duty[k]]));
  await audit({ action: "localDuty.update", subjectType: "localDuty", subjectId: duty.id, before, after: next });
  return { id: duty.id };
}

/** Takes a duty out of the unit's list (kept with its reason); the next version no longer has it. */
export async function removeDuty(input: z.infer<typeof removeDutySchema>, { tx, user, audit }: Ctx) {
  const duty = await editableDuty(tx, input.id, input.stamp, user);
  await tx.localDuty.update({ where: { id: duty.id }, data: { active: false, revokedOn: today(), revokedReason: input.reason } });
  await audit({ action: "localDuty.remove", subjectType: "localDuty", subjectId: duty.id, before: { active: true, name: duty.name }, after: { active: false, reason: input.reason } });
  return { id: duty.id };
}

/** Publishes the unit's current duties as its next immutable version. */
export async function publishDuties(input: z.infer<typeof publishDutiesSchema>, { tx, user, audit }: Ctx) {
  const unit = await localUnit(tx, input.unitId, user);
  const current = await snapshotOf(tx, unit.id);
  const last = await tx.localDutyListVersion.findFirst({ where: { unitId: unit.id }, orderBy: { versionNo: "desc" }, select: { items: true } });
  if (!hasUnpublishedChanges(current, (last?.items as LocalDutySnapshotItem[] | undefined) ?? null)) {
    throw new AppError("INVALID_STATE", "清单与现行版本相同，没有需要公布的修改。");
  }
  const version = await publishLocalDutyList(tx, unit.id, input.note, user.displayName);
  await audit({ action: "localDuty.publish", subjectType: "localDutyList", subjectId: unit.id, after: { versionNo: version.versionNo, itemCount: version.itemCount, note: input.note } });
  return { versionNo: version.versionNo };
}

type ImportCtx = Ctx & { prepared: GridResult };

/** The spreadsheet's rows checked against the unit's list as it is now (inside the transaction). */
async function importPreviewOf(tx: Tx, unitId: number, grid: GridResult) {
  if (!grid.ok) throw new AppError("BAD_FILE", grid.error);
  const departments = await tx.orgUnit.findMany({ where: { kind: "DEPARTMENT", active: true }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, name: true, shortName: true } });
  const existing = await tx.localDuty.findMany({ where: { unitId, active: true }, select: { nameKey: true, name: true } });
  // nameKey is normaliseName of the name; recompute in case the normalisation changed since.
  const existingNameKeys = new Set(existing.flatMap((d) => [d.nameKey, normaliseName(d.name)]));
  const preview = parseDutyGrid(grid.sheets, { departments, existingNameKeys });
  if (!preview.ok) throw new AppError("BAD_FILE", preview.error);
  return { ...preview, notices: [...grid.notices, ...preview.notices] } satisfies DutyImportPreview;
}

/** What importing the file would do, row by row; writes nothing. */
export async function previewDutyImport(input: z.infer<typeof importDutiesSchema>, { tx, user, prepared }: ImportCtx) {
  const unit = await localUnit(tx, input.unitId, user);
  const preview = await importPreviewOf(tx, unit.id, prepared);
  return { unitName: unit.name, fileName: input.fileName, ...preview };
}

/**
 * Imports a spreadsheet of 存量事项 into the unit's list: all new rows or none. Any row with an
 * error refuses the whole file; rows already in the list are skipped. Each added duty gets its
 * own audit entry, as if added by hand. Nothing is public until 编办 publishes a new version.
 */
export async function importDuties(input: z.infer<typeof importDutiesSchema>, { tx, user, audit, prepared }: ImportCtx) {
  const unit = await localUnit(tx, input.unitId, user);
  // Two imports into one unit at once would each miss the other's names.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(4007, ${unit.id})`;
  const preview = await importPreviewOf(tx, unit.id, prepared);
  const { counts } = preview;
  if (counts.error) throw new AppError("VALIDATION", `表格中有 ${counts.error} 行有错误，没有导入任何事项。请按预览中的提示修改文件后重新上传。`);
  if (input.expectNew !== undefined && input.expectNew !== counts.new) {
    throw new AppError("CONFLICT", `清单在预览之后有了变化（现在可导入 ${counts.new} 项，预览时为 ${input.expectNew} 项），没有导入任何事项。请重新上传预览后再确认。`);
  }
  const fresh = preview.rows.filter((r) => r.status === "new");
  const skipped = preview.rows.filter((r) => r.status === "exists").map((r) => r.values.name);
  if (!fresh.length) throw new AppError("INVALID_STATE", `表格中的 ${skipped.length} 个事项都已在清单中，没有需要导入的新事项。`);

  const admittedOn = today();
  const data = fresh.map((row) => {
    const fields = dutyFieldsOf(row);
    return { unitId: unit.id, ...fieldsOf(fields), departmentId: row.department?.id ?? null, departmentName: row.department?.name ?? fields.departmentName, admittedOn };
  });
  const created = await tx.localDuty.createManyAndReturn({ data, select: { id: true, nameKey: true } });
  const idByKey = new Map(created.map((c) => [c.nameKey, c.id]));
  for (const [i, row] of fresh.entries()) {
    const { admittedOn: _, ...after } = data[i];
    await audit({ action: "localDuty.import", subjectType: "localDuty", subjectId: idByKey.get(data[i].nameKey), after: { ...after, fileName: input.fileName, rowNumber: row.rowNumber } });
  }
  return { added: created.length, skipped, ids: created.map((c) => c.id) };
}
