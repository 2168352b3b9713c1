import type { CommandContext } from "@/lib/action";
import type { Tx } from "@/lib/db/client";
import type { AdjustmentStatus, Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { publicationTime, writeVersion, type SnapshotItem } from "@/lib/lists/commands";
import { ADJUSTMENT_ACTION_LABELS, ITEM_FIELDS, OPINION_LABELS } from "@/lib/lists/labels";
import type { AdjustmentSubject } from "@/lib/lists/policy";
import type { ItemFields } from "@/lib/lists/schema";
import type { AdjustmentOpinionInput, ChangeFields, ChangeInput, CreateAdjustmentInput, DecideInput, FileInput, PublishAdjustmentInput } from "./schema";

export type { ChangeFields } from "./schema";

export async function adjustmentTargetSubject(tx: Tx, listId: number): Promise<AdjustmentSubject | false> {
  const list = await tx.powerList.findUnique({ where: { id: listId }, select: { unitId: true, currentVersionId: true } });
  if (!list) return false;
  return { type: "adjustment", listUnitId: list.unitId, published: list.currentVersionId !== null, applicantUnitId: null, status: null };
}

export async function adjustmentSubject(tx: Tx, adjustmentId: number): Promise<AdjustmentSubject | false> {
  const a = await tx.powerListAdjustment.findUnique({ where: { id: adjustmentId }, select: { status: true, applicantUnitId: true, list: { select: { unitId: true } } } });
  if (!a) return false;
  return { type: "adjustment", listUnitId: a.list.unitId, published: true, applicantUnitId: a.applicantUnitId, status: a.status };
}

/** Optimistic concurrency on the adjustment: the status the user saw, at the version they saw. */
async function bump(tx: Tx, adjustmentId: number, expected: number, status: AdjustmentStatus) {
  const r = await tx.powerListAdjustment.updateMany({ where: { id: adjustmentId, version: expected, status }, data: { version: { increment: 1 } } });
  if (r.count === 1) return;
  const now = await tx.powerListAdjustment.findUnique({ where: { id: adjustmentId }, select: { version: true } });
  if (!now) throw new AppError("NOT_FOUND");
  if (now.version !== expected) throw new AppError("CONFLICT", "该调整申请已被他人处理或修改，您的操作没有保存。请刷新页面查看最新状态。");
  throw new AppError("INVALID_STATE");
}

async function listEvent(tx: Tx, ctx: CommandContext, listId: number, kind: string, note: string, data?: Prisma.InputJsonValue) {
  await tx.powerListEvent.create({ data: { listId, kind, actorId: ctx.user.id, actorName: ctx.user.displayName, unitName: ctx.user.unitName, note, data } });
}

type BaseItem = SnapshotItem & { categoryOrder: number };

async function categoryOf(tx: Tx, categoryId: number | null) {
  if (categoryId === null) return { category: null, categoryOrder: 9999 };
  const c = await tx.powerListCategory.findUnique({ where: { id: categoryId }, select: { name: true, sortOrder: true, active: true } });
  if (!c || !c.active) throw new AppError("VALIDATION", "所选职能分类不存在或已停用。");
  return { category: c.name, categoryOrder: c.sortOrder };
}

function proposed(fields: ItemFields): ChangeFields {
  const out: ChangeFields = { section: fields.section };
  for (const f of ITEM_FIELDS) out[f] = fields[f] ?? null;
  out.name = fields.name;
  return out;
}

/** Only what a MODIFY changes, compared with the item as published. */
function changedOnly(base: BaseItem, next: ChangeFields): ChangeFields {
  const out: ChangeFields = {};
  for (const f of ITEM_FIELDS) if ((next[f] ?? null) !== (base[f] ?? null)) out[f] = next[f] ?? null;
  if (next.section !== base.section) out.section = next.section;
  if ((next.category ?? null) !== (base.category ?? null)) {
    out.category = next.category ?? null;
    out.categoryOrder = next.categoryOrder;
  }
  return out;
}

/**
 * A department, or the list's own unit, files a change request against the current version:
 * items to add, remove or modify, with the reason and basis. One request at a time per list.
 */
export async function createAdjustment(input: CreateAdjustmentInput, ctx: CommandContext) {
  const { tx, user, audit } = ctx;
  const list = await tx.powerList.findUniqueOrThrow({
    where: { id: input.listId },
    select: { id: true, title: true, currentVersion: { select: { id: true, versionNo: true } } },
  });
  if (!list.currentVersion) throw new AppError("INVALID_STATE", "清单尚未公布，不能申请调整。");
  if (list.currentVersion.versionNo !== input.baseVersionNo) {
    throw new AppError("CONFLICT", `清单已公布第 ${list.currentVersion.versionNo} 版，请刷新页面，在最新版本上填写调整申请。`);
  }
  const open = await tx.powerListAdjustment.findFirst({ where: { listId: list.id, status: { in: ["REVIEWING", "APPROVED", "FILED"] } }, select: { id: true } });
  if (open) throw new AppError("INVALID_STATE", "该清单已有一份正在办理的调整申请，办结后再提出新的申请。");

  const baseItems = await tx.powerListVersionItem.findMany({ where: { versionId: list.currentVersion.id } });
  const byKey = new Map(baseItems.map((i) => [i.itemKey, i as unknown as BaseItem]));
  const touched = new Set<string>();
  const rows: { action: ChangeInput["action"]; itemKey: string | null; itemName: string; fields: ChangeFields; note: string | null }[] = [];
  for (const [i, change] of input.changes.entries()) {
    const err = (key: string, message: string) => new AppError("VALIDATION", `第 ${i + 1} 项调整：${message}`, { [`changes.${i}.${key}`]: message });
    if (change.action === "ADD") {
      const fields = { ...proposed(change.fields), ...(await categoryOf(tx, change.fields.categoryId)) };
      rows.push({ action: "ADD", itemKey: null, itemName: change.fields.name, fields, note: change.note });
      continue;
    }
    const base = byKey.get(change.itemKey);
    if (!base) throw err("itemKey", "所选事项不在现行清单中");
    if (touched.has(change.itemKey)) throw err("itemKey", `「${base.name}」已在本申请中调整过`);
    touched.add(change.itemKey);
    if (change.action === "REMOVE") {
      rows.push({ action: "REMOVE", itemKey: base.itemKey, itemName: base.name ?? "", fields: {}, note: change.note });
      continue;
    }
    const next = { ...proposed(change.fields), ...(await categoryOf(tx, change.fields.categoryId)) };
    const fields = changedOnly(base, next);
    if (Object.keys(fields).length === 0) throw err("fields", `「${base.name}」没有修改任何内容`);
    rows.push({ action: "MODIFY", itemKey: base.itemKey, itemName: base.name ?? "", fields, note: change.note });
  }

  const adjustment = await tx.powerListAdjustment.create({
    data: {
      listId: list.id,
      baseVersionId: list.currentVersion.id,
      applicantUnitId: user.unitId,
      applicantUnitName: user.unitName,
      applicantId: user.id,
      applicantName: user.displayName,
      reason: input.reason,
      basis: input.basis,
      changes: { create: rows.map((r, i) => ({ ...r, position: i + 1, fields: r.fields as Prisma.InputJsonValue })) },
    },
    select: { id: true },
  });
  const summary = rows.map((r) => `${ADJUSTMENT_ACTION_LABELS[r.action]}「${r.itemName}」`).join("；");
  await listEvent(tx, ctx, list.id, "adjustmentFiled", `${user.unitName}申请调整：${summary}`, { adjustmentId: adjustment.id });
  await audit({ action: "adjustment.create", subjectType: "powerListAdjustment", subjectId: adjustment.id, after: { listId: list.id, reason: input.reason, basis: input.basis, changes: rows } });
  return { id: adjustment.id };
}

export async function withdrawAdjustment(input: { adjustmentId: number; version: number; reason: string | null }, { tx, audit }: CommandContext) {
  await bump(tx, input.adjustmentId, input.version, "REVIEWING");
  await tx.powerListAdjustment.update({ where: { id: input.adjustmentId }, data: { status: "WITHDRAWN", decisionNote: input.reason } });
  await audit({ action: "adjustment.withdraw", subjectType: "powerListAdjustment", subjectId: input.adjustmentId, before: { status: "REVIEWING" }, after: { status: "WITHDRAWN", reason: input.reason } });
  return { status: "WITHDRAWN" as const };
}

/** A joint-meeting member's opinion; a unit may revise it while the request is under review. */
export async function opineAdjustment(input: AdjustmentOpinionInput, { tx, user, audit }: CommandContext) {
  const a = await tx.powerListAdjustment.findUniqueOrThrow({ where: { id: input.adjustmentId }, select: { version: true, status: true } });
  if (a.status !== "REVIEWING") throw new AppError("INVALID_STATE");
  if (a.version !== input.version) throw new AppError("CONFLICT", "该调整申请在您审阅期间有了变化，意见没有保存。请刷新页面后再提出意见。");
  const opinion = await tx.powerListAdjustmentOpinion.create({
    data: { adjustmentId: input.adjustmentId, unitId: user.unitId, unitName: user.unitName, authorId: user.id, authorName: user.displayName, opinion: input.opinion, body: input.body },
    select: { id: true },
  });
  await audit({ action: "adjustment.opinion", subjectType: "powerListAdjustment", subjectId: input.adjustmentId, after: { opinion: input.opinion, label: OPINION_LABELS[input.opinion], body: input.body } });
  return { id: opinion.id };
}

/** 编办 decides: 同意调整 (then filing and publication follow) or 不予调整 with the reason. */
export async function decideAdjustment(input: DecideInput, { tx, user, audit }: CommandContext) {
  await bump(tx, input.adjustmentId, input.version, "REVIEWING");
  const status: AdjustmentStatus = input.approve ? "APPROVED" : "REJECTED";
  await tx.powerListAdjustment.update({
    where: { id: input.adjustmentId },
    data: { status, decisionNote: input.note, decidedAt: new Date(), decidedByName: `${user.unitName} ${user.displayName}` },
  });
  await audit({ action: input.approve ? "adjustment.approve" : "adjustment.reject", subjectType: "powerListAdjustment", subjectId: input.adjustmentId, before: { status: "REVIEWING" }, after: { status, note: input.note } });
  return { status };
}

/** 备案: the approved adjustment is filed with 编办 under a filing number. */
export async function fileAdjustment(input: FileInput, { tx, user, audit }: CommandContext) {
  await bump(tx, input.adjustmentId, input.version, "APPROVED");
  await tx.powerListAdjustment.update({
    where: { id: input.adjustmentId },
    data: { status: "FILED", filingNumber: input.filingNumber, filedAt: new Date(), filedByName: `${user.unitName} ${user.displayName}` },
  });
  await audit({ action: "adjustment.file", subjectType: "powerListAdjustment", subjectId: input.adjustmentId, before: { status: "APPROVED" }, after: { status: "FILED", filingNumber: input.filingNumber } });
  return { status: "FILED" as const };
}

/** Applies the changes to the items of a version: the next version's items. */
export function applyChanges(
  base: SnapshotItem[],
  changes: { action: "ADD" | "REMOVE" | "MODIFY"; itemKey: string | null; fields: ChangeFields }[],
  newKey: () => string,
  addedLabel: string,
): SnapshotItem[] {
  const removed = new Set(changes.filter((c) => c.action === "REMOVE").map((c) => c.itemKey));
  const modified = new Map(changes.filter((c) => c.action === "MODIFY").map((c) => [c.itemKey, c.fields]));
  const out: SnapshotItem[] = [];
  for (const item of base) {
    if (removed.has(item.itemKey)) continue;
    const fields = modified.get(item.itemKey);
    out.push(fields ? ({ ...item, ...fields } as SnapshotItem) : item);
  }
  for (const c of changes) {
    if (c.action !== "ADD") continue;
    const item = { itemKey: newKey(), category: null, categoryOrder: 9999, section: "BASIC", source: "ADJUSTMENT", sourceLabel: addedLabel } as SnapshotItem;
    for (const f of ITEM_FIELDS) item[f] = null;
    out.push({ ...item, ...c.fields } as SnapshotItem);
  }
  return out;
}

/** Publishes the filed adjustment as the list's next version. */
export async function publishAdjustment(input: PublishAdjustmentInput, ctx: CommandContext) {
  const { tx, user, audit } = ctx;
  await bump(tx, input.adjustmentId, input.version, "FILED");
  const a = await tx.powerListAdjustment.findUniqueOrThrow({
    where: { id: input.adjustmentId },
    include: { changes: { orderBy: { position: "asc" } }, list: { select: { id: true, form: true, title: true, currentVersionId: true, unit: { select: { name: true } } } } },
  });
  if (a.list.currentVersionId !== a.baseVersionId) throw new AppError("CONFLICT", "清单在该调整申请提出后已发布了新版本，请重新提出调整申请。");
  // The list row is the lock for its versions: no two publications of one list at once.
  await tx.powerList.update({ where: { id: a.list.id }, data: { version: { increment: 1 }, updatedByName: user.displayName } });
  const base = await tx.powerListVersionItem.findMany({ where: { versionId: a.baseVersionId }, orderBy: { position: "asc" } });
  const baseItems: SnapshotItem[] = base.map((i) => {
    const item = { itemKey: i.itemKey, category: i.category, categoryOrder: i.categoryOrder, section: i.section, source: i.source, sourceLabel: i.sourceLabel } as SnapshotItem;
    for (const f of ITEM_FIELDS) item[f] = i[f];
    return item;
  });
  const adds = a.changes.filter((c) => c.action === "ADD").length;
  const keys = adds ? await tx.powerList.update({ where: { id: a.list.id }, data: { nextItemKey: { increment: adds } }, select: { nextItemKey: true } }) : null;
  let next = (keys?.nextItemKey ?? 0) - adds;
  const items = applyChanges(
    baseItems,
    a.changes.map((c) => ({ action: c.action, itemKey: c.itemKey, fields: c.fields as ChangeFields })),
    () => String(next++),
    `动态调整新增（${a.filingNumber ?? `调整申请 ${a.id}`}）`,
  );
  const version = await writeVersion(tx, {
    listId: a.list.id,
    form: a.list.form,
    title: a.list.title,
    unitName: a.list.unit.name,
    documentNumber: input.documentNumber,
    publishedAt: publicationTime(input.publishDate),
    effectiveAt: new Date(`${input.effectiveDate}T00:00:00Z`),
    publisher: { id: user.id, name: user.displayName, unitName: user.unitName },
    note: input.note ?? `动态调整：${a.reason}`,
    adjustmentId: a.id,
    items,
  });
  await tx.powerListAdjustment.update({ where: { id: a.id }, data: { status: "PUBLISHED" } });
  await listEvent(tx, ctx, a.list.id, "adjustmentPublished", `第 ${version.versionNo} 版，${input.documentNumber}（备案 ${a.filingNumber}）`, { versionId: version.id, adjustmentId: a.id });
  await audit({
    action: "adjustment.publish",
    subjectType: "powerListAdjustment",
    subjectId: a.id,
    before: { status: "FILED" },
    after: { status: "PUBLISHED", versionId: version.id, versionNo: version.versionNo, documentNumber: input.documentNumber, items: items.length },
  });
  return version;
}
