import type { CommandContext } from "@/lib/action";
import { prisma, type Tx } from "@/lib/db/client";
import type { DutySection, ListItemSource, PowerListForm, PowerListStatus, Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { pendingDevolutions, sourcedItems } from "./draft-source";
import { DEFAULT_STAGES, FORM_LABELS, ITEM_FIELDS, meetingLabel, OPINION_LABELS, PUBLISH_STAGE, SECTIONS } from "./labels";
import type { ListReviewSubject, ListSubject, ListUnitSubject } from "./policy";
import type { AddItemInput, CreateListInput, ItemFields, OpinionInput, PublishInput, StagesInput, UpdateItemInput } from "./schema";
import { itemSearchText } from "./text";
import { shownVersionSql } from "./in-force";
import { dayStart, dbDate, toDay, today } from "@/lib/dates";
import { assertFresh } from "@/lib/edit-stamp";
import { notifyUnits } from "@/lib/notifications/commands";
import { createFiling } from "@/lib/filings/commands";
import { areaOf } from "@/lib/auth/scope";

// ---- subjects (loaded inside the action's transaction, so the policy sees current state) ----

export async function listSubject(tx: Tx, listId: number): Promise<ListSubject | false> {
  const list = await tx.powerList.findUnique({ where: { id: listId }, select: { unitId: true, status: true } });
  return list ? { type: "powerList", unitId: list.unitId, status: list.status } : false;
}

export async function listUnitSubject(tx: Tx, unitId: number): Promise<ListUnitSubject | false> {
  const unit = await tx.orgUnit.findUnique({ where: { id: unitId }, select: { kind: true, active: true } });
  return unit && unit.active ? { type: "listUnit", unitId, unitKind: unit.kind } : false;
}

export async function reviewSubject(tx: Tx, listId: number): Promise<ListReviewSubject | false> {
  const list = await tx.powerList.findUnique({
    where: { id: listId },
    select: { unitId: true, status: true, stages: { where: { status: "ACTIVE" }, select: { assignees: { select: { unitId: true } } } } },
  });
  if (!list) return false;
  return { type: "listReview", unitId: list.unitId, status: list.status, assigneeUnitIds: list.stages.flatMap((s) => s.assignees.map((a) => a.unitId)) };
}

// ---- helpers ----

const conflictMessage = (by: string | null) =>
  `清单草案已被${by ? `「${by}」` : "他人"}修改，您的操作没有保存。请刷新页面，查看最新内容后再操作。`;

/**
 * Optimistic concurrency: succeeds only if the draft is still at the version the user saw (and,
 * if given, in one of `statuses`), and moves it to the next version.
 */
async function bump(tx: Tx, listId: number, expected: number, ctx: CommandContext, statuses?: PowerListStatus[]) {
  const r = await tx.powerList.updateMany({
    where: { id: listId, version: expected, ...(statuses ? { status: { in: statuses } } : {}) },
    data: { version: { increment: 1 }, updatedByName: ctx.user.displayName },
  });
  if (r.count === 1) return expected + 1;
  const now = await tx.powerList.findUnique({ where: { id: listId }, select: { version: true, status: true, updatedByName: true } });
  if (!now) throw new AppError("NOT_FOUND");
  if (now.version !== expected) throw new AppError("CONFLICT", conflictMessage(now.updatedByName));
  throw new AppError("INVALID_STATE");
}

async function event(
  tx: Tx,
  ctx: CommandContext,
  listId: number,
  kind: string,
  extra: { stageName?: string | null; note?: string | null; data?: Prisma.InputJsonValue } = {},
) {
  await tx.powerListEvent.create({
    data: {
      listId,
      kind,
      stageName: extra.stageName ?? null,
      actorId: ctx.user.id,
      actorName: ctx.user.displayName,
      unitName: ctx.user.unitName,
      note: extra.note ?? null,
      data: extra.data,
    },
  });
}

function itemData(input: ItemFields) {
  const data: Record<string, unknown> = { categoryId: input.categoryId, section: input.section };
  for (const f of ITEM_FIELDS) data[f] = input[f] ?? null;
  data.name = input.name;
  return data as Omit<Prisma.PowerListItemUncheckedCreateInput, "listId" | "itemKey" | "position" | "source">;
}

async function checkCategory(tx: Tx, categoryId: number | null) {
  if (categoryId === null) return;
  const c = await tx.powerListCategory.findUnique({ where: { id: categoryId }, select: { active: true } });
  if (!c || !c.active) throw new AppError("VALIDATION", "所选职能分类不存在或已停用。", { categoryId: "请重新选择职能分类" });
}

/**
 * The 编办 unit that reviews a unit's list: the 编办 of the unit's district when that district
 * has one (lib/auth/scope.ts: a 编办 under a DISTRICT runs it), else the city's 编办.
 */
export async function bianbanUnitFor(tx: Tx, unitId: number): Promise<number | null> {
  // A unit tree is at most four levels deep: the unit and its three ancestors.
  const up = { select: { id: true, kind: true, parentId: true } } as const;
  const unit = await tx.orgUnit.findUnique({
    where: { id: unitId },
    select: { id: true, kind: true, parent: { select: { id: true, kind: true, parent: { select: { id: true, kind: true, parent: up } } } } },
  });
  const chain = [unit, unit?.parent, unit?.parent?.parent, unit?.parent?.parent?.parent];
  const district = chain.find((u) => u?.kind === "DISTRICT");
  if (district) {
    const own = await tx.orgUnit.findFirst({ where: { kind: "BIANBAN", active: true, parentId: district.id }, select: { id: true }, orderBy: { id: "asc" } });
    if (own) return own.id;
  }
  const city = await tx.orgUnit.findFirst({
    where: { kind: "BIANBAN", active: true, OR: [{ parentId: null }, { parent: { kind: { not: "DISTRICT" } } }] },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return city?.id ?? null;
}

/**
 * Default reviewers: the departments the items came from, 编办 (the list unit's district 编办
 * where there is one), 司法局 and the leaders' unit.
 */
async function defaultAssignees(tx: Tx, unitId: number, departmentIds: number[]) {
  // One query at a time: a transaction runs on one connection.
  const bianbanId = await bianbanUnitFor(tx, unitId);
  const legal = await tx.orgUnit.findFirst({
    where: { active: true, kind: "DEPARTMENT", name: { contains: "司法局" } },
    orderBy: [{ jointMeetingMember: "desc" }, { id: "asc" }],
    select: { id: true },
  });
  const leaders = await tx.user.findMany({ where: { active: true, roles: { has: "LEADER" } }, select: { unitId: true }, distinct: ["unitId"], orderBy: { unitId: "asc" } });
  const activeDepartments = departmentIds.length
    ? (await tx.orgUnit.findMany({ where: { id: { in: departmentIds }, active: true }, select: { id: true } })).map((u) => u.id)
    : [];
  const bianbanIds = bianbanId == null ? [] : [bianbanId];
  const departments = activeDepartments.length ? activeDepartments : bianbanIds;
  const leaderIds = leaders.slice(0, 1).map((u) => u.unitId);
  return {
    JOINT_REVIEW: departments,
    CONSULTATION: bianbanIds,
    SOLICIT: departments,
    LEGALITY: legal ? [legal.id] : [],
    LEADER: leaderIds,
    EXECUTIVE: leaderIds,
    PUBLISH: bianbanIds,
  } as Record<(typeof DEFAULT_STAGES)[number]["kind"], number[]>;
}

// ---- compilation ----

/**
 * Starts a unit's list: claimed general items (法定权力事项) and accepted devolved items (赋权承接
 * 事项) become the draft, grouped by a guessed function category; the default review stages
 * get their default reviewers.
 */
export async function createList(input: CreateListInput, ctx: CommandContext) {
  const { tx, user, audit } = ctx;
  const unit = await tx.orgUnit.findUniqueOrThrow({ where: { id: input.unitId }, select: { id: true, name: true } });
  const existing = await tx.powerList.findUnique({ where: { unitId_form: { unitId: unit.id, form: input.form } }, select: { id: true } });
  if (existing) throw new AppError("DUPLICATE", `${unit.name}已有${FORM_LABELS[input.form]}，请在原清单上编制或调整。`, { form: "该单位已有这种清单" });

  const sourced = await sourcedItems(tx, unit.id);
  const categories = await tx.powerListCategory.findMany({ where: { active: true }, select: { id: true, name: true } });
  const categoryId = new Map(categories.map((c) => [c.name, c.id]));
  const title = input.title ?? `${unit.name}${FORM_LABELS[input.form]}`;
  const list = await tx.powerList.create({
    data: {
      unitId: unit.id,
      form: input.form,
      title,
      nextItemKey: sourced.length + 1,
      createdById: user.id,
      createdByName: user.displayName,
      updatedByName: user.displayName,
    },
    select: { id: true, version: true },
  });
  if (sourced.length) {
    await tx.powerListItem.createMany({
      data: sourced.map((s, i) => {
        const { departmentId: _d, categoryName, ...fields } = s;
        return { ...fields, listId: list.id, itemKey: String(i + 1), position: i + 1, categoryId: categoryName ? (categoryId.get(categoryName) ?? null) : null, updatedByName: "系统生成" };
      }),
    });
  }
  const assignees = await defaultAssignees(tx, unit.id, [...new Set(sourced.map((s) => s.departmentId).filter((d): d is number => d !== null))]);
  const stages = await tx.powerListStage.createManyAndReturn({
    data: DEFAULT_STAGES.map((stage, i) => ({ listId: list.id, position: i + 1, kind: stage.kind, name: stage.name })),
    select: { id: true, kind: true },
  });
  await tx.powerListStageAssignee.createMany({
    data: stages.flatMap((stage) => assignees[stage.kind as keyof typeof assignees].map((unitId) => ({ stageId: stage.id, unitId }))),
  });
  // Accepted 承接 items whose letter is not signed by both sides stay out, as 待确认.
  const pending = (await pendingDevolutions(tx, unit.id)).length;
  const counts = { general: sourced.filter((s) => s.source === "GENERAL").length, devolved: sourced.filter((s) => s.source === "DEVOLVED").length, pending };
  const pendingNote = pending ? `；另有 ${pending} 项赋权承接事项的确认书尚未由双方签署，未带入（待确认）` : "";
  await event(tx, ctx, list.id, "created", { note: `带入法定权力事项 ${counts.general} 项、赋权承接事项 ${counts.devolved} 项${pendingNote}`, data: counts });
  await audit({ action: "list.create", subjectType: "powerList", subjectId: list.id, after: { unitId: unit.id, form: input.form, title, ...counts } });
  return { id: list.id };
}

async function nextKey(tx: Tx, listId: number): Promise<string> {
  const list = await tx.powerList.update({ where: { id: listId }, data: { nextItemKey: { increment: 1 } }, select: { nextItemKey: true } });
  return String(list.nextItemKey - 1);
}

export async function addItem(input: AddItemInput, ctx: CommandContext) {
  const { tx, audit, user } = ctx;
  await bump(tx, input.listId, input.version, ctx, ["DRAFTING", "RETURNED"]);
  await checkCategory(tx, input.categoryId);
  const last = await tx.powerListItem.aggregate({ where: { listId: input.listId }, _max: { position: true } });
  const item = await tx.powerListItem.create({
    data: {
      ...itemData(input),
      listId: input.listId,
      itemKey: await nextKey(tx, input.listId),
      position: (last._max.position ?? 0) + 1,
      source: "OWN",
      sourceLabel: `${user.unitName}增加`,
      updatedById: user.id,
      updatedByName: user.displayName,
    },
  });
  await audit({ action: "list.item.add", subjectType: "powerList", subjectId: input.listId, after: item });
  return { id: item.id };
}

export async function updateItem(input: UpdateItemInput, ctx: CommandContext) {
  const { tx, audit, user } = ctx;
  const before = await tx.powerListItem.findFirst({ where: { id: input.itemId, listId: input.listId } });
  if (!before) throw new AppError("NOT_FOUND", "该事项已被删除。请刷新页面。");
  await checkCategory(tx, input.categoryId);
  // The item's own version: two people editing the same item are told, never overwritten.
  const r = await tx.powerListItem.updateMany({
    where: { id: input.itemId, version: input.itemVersion },
    data: { ...itemData(input), version: { increment: 1 }, updatedById: user.id, updatedByName: user.displayName },
  });
  if (r.count === 0) {
    throw new AppError("CONFLICT", `该事项已被「${before.updatedByName ?? "他人"}」修改，您的修改没有保存。请刷新页面，查看最新内容后再修改。`);
  }
  // Any item edit moves the draft on, so a reviewer or a submit sees it changed; the status must
  // still allow editing (checked against the row, not the page).
  const moved = await tx.powerList.updateMany({
    where: { id: input.listId, status: { in: ["DRAFTING", "RETURNED"] } },
    data: { version: { increment: 1 }, updatedByName: user.displayName },
  });
  if (moved.count === 0) throw new AppError("INVALID_STATE", "清单已提交审核或已公布，不能再修改草案。");
  const after = await tx.powerListItem.findUniqueOrThrow({ where: { id: input.itemId } });
  await audit({ action: "list.item.update", subjectType: "powerList", subjectId: input.listId, before, after });
  return { id: input.itemId };
}

export async function removeItem(input: { listId: number; version: number; itemId: number }, ctx: CommandContext) {
  const { tx, audit } = ctx;
  await bump(tx, input.listId, input.version, ctx, ["DRAFTING", "RETURNED"]);
  const before = await tx.powerListItem.findFirst({ where: { id: input.itemId, listId: input.listId } });
  if (!before) throw new AppError("NOT_FOUND", "该事项已被删除。请刷新页面。");
  await tx.powerListItem.delete({ where: { id: input.itemId } });
  await audit({ action: "list.item.remove", subjectType: "powerList", subjectId: input.listId, before });
  return { id: input.itemId };
}

/** Display order of a draft: section, category (dictionary order), then position. */
export function groupOrder<T extends { id: number; section: DutySection; position: number; categoryOrder: number }>(items: T[]): T[] {
  return [...items].sort(
    (a, b) => SECTIONS.indexOf(a.section) - SECTIONS.indexOf(b.section) || a.categoryOrder - b.categoryOrder || a.position - b.position || a.id - b.id,
  );
}

async function orderedItems(tx: Tx, listId: number) {
  const items = await tx.powerListItem.findMany({
    where: { listId },
    select: { id: true, section: true, position: true, categoryId: true, category: { select: { sortOrder: true } } },
  });
  return groupOrder(items.map((i) => ({ ...i, categoryOrder: i.category?.sortOrder ?? 9999 })));
}

/** Moves an item one place up or down within its group (same section and category). */
export async function moveItem(input: { listId: number; version: number; itemId: number; direction: "up" | "down" }, ctx: CommandContext) {
  const { tx, audit } = ctx;
  await bump(tx, input.listId, input.version, ctx, ["DRAFTING", "RETURNED"]);
  const items = await orderedItems(tx, input.listId);
  const index = items.findIndex((i) => i.id === input.itemId);
  if (index < 0) throw new AppError("NOT_FOUND", "该事项已被删除。请刷新页面。");
  const item = items[index];
  const other = items[input.direction === "up" ? index - 1 : index + 1];
  if (!other || other.section !== item.section || other.categoryId !== item.categoryId) {
    throw new AppError("INVALID_STATE", input.direction === "up" ? "已是本分类的第一项。" : "已是本分类的最后一项。");
  }
  await renumber(tx, items.map((i) => (i.id === item.id ? other.id : i.id === other.id ? item.id : i.id)));
  await audit({ action: "list.item.move", subjectType: "powerList", subjectId: input.listId, after: { itemId: item.id, direction: input.direction } });
  return { id: item.id };
}

/** Puts the items in the given order (every item of the draft, each once). */
export async function reorderItems(input: { listId: number; version: number; itemIds: number[] }, ctx: CommandContext) {
  const { tx, audit } = ctx;
  await bump(tx, input.listId, input.version, ctx, ["DRAFTING", "RETURNED"]);
  const items = await tx.powerListItem.findMany({ where: { listId: input.listId }, select: { id: true } });
  const ids = new Set(items.map((i) => i.id));
  if (input.itemIds.length !== ids.size || new Set(input.itemIds).size !== ids.size || input.itemIds.some((id) => !ids.has(id))) {
    throw new AppError("CONFLICT", "草案中的事项已有变化，请刷新页面后重新排序。");
  }
  await renumber(tx, input.itemIds);
  await audit({ action: "list.item.reorder", subjectType: "powerList", subjectId: input.listId, after: { count: input.itemIds.length } });
  return { count: input.itemIds.length };
}

async function renumber(tx: Tx, ids: number[]) {
  if (!ids.length) return;
  // One statement for the whole draft.
  await tx.$executeRawUnsafe(
    `UPDATE power_list_item AS i SET position = o.pos FROM unnest($1::int[]) WITH ORDINALITY AS o(id, pos) WHERE i.id = o.id`,
    ids,
  );
}

// ---- review ----

type StageRow = { id: number; position: number; kind: string | null; name: string; status: "PENDING" | "ACTIVE" | "DONE"; assignees: { unitId: number }[] };

async function stagesOf(tx: Tx, listId: number): Promise<StageRow[]> {
  return tx.powerListStage.findMany({
    where: { listId },
    orderBy: { position: "asc" },
    select: { id: true, position: true, kind: true, name: true, status: true, assignees: { select: { unitId: true } } },
  });
}

function checkAssigned(stages: StageRow[]) {
  const missing = stages.filter((s) => s.status !== "DONE" && s.kind !== PUBLISH_STAGE && s.assignees.length === 0);
  if (missing.length) {
    throw new AppError("INVALID_STATE", `「${missing.map((s) => s.name).join("」「")}」环节还没有审核单位，请联系编办指定后再提交。`);
  }
}

/** Makes `stage` the active one; the publish stage means the draft is approved and awaits 编办. */
async function activate(tx: Tx, ctx: CommandContext, listId: number, stage: StageRow) {
  await tx.powerListStage.update({ where: { id: stage.id }, data: { status: "ACTIVE", startedAt: new Date() } });
  const status: PowerListStatus = stage.kind === PUBLISH_STAGE ? "APPROVED" : "IN_REVIEW";
  await tx.powerList.update({ where: { id: listId }, data: { status } });
  if (status === "APPROVED") await event(tx, ctx, listId, "approved", { stageName: stage.name });
  return status;
}

export async function submitList(input: { listId: number; version: number }, ctx: CommandContext) {
  const { tx, audit } = ctx;
  const list = await tx.powerList.findUniqueOrThrow({ where: { id: input.listId }, select: { status: true, reviewRound: true, _count: { select: { items: true } } } });
  await bump(tx, input.listId, input.version, ctx, ["DRAFTING", "RETURNED"]);
  if (list._count.items === 0) throw new AppError("INVALID_STATE", "草案中还没有事项，不能提交审核。");
  const stages = await stagesOf(tx, input.listId);
  checkAssigned(stages);
  const resubmit = list.status === "RETURNED";
  let current = stages.find((s) => s.status === "ACTIVE");
  let status: PowerListStatus;
  if (current) {
    status = current.kind === PUBLISH_STAGE ? "APPROVED" : "IN_REVIEW";
    await tx.powerList.update({ where: { id: input.listId }, data: { status, reviewRound: { increment: resubmit ? 1 : 0 }, submittedAt: new Date() } });
  } else {
    current = stages.find((s) => s.status === "PENDING");
    if (!current) throw new AppError("INVALID_STATE", "没有待进行的审核环节。");
    await tx.powerList.update({ where: { id: input.listId }, data: { submittedAt: new Date(), reviewRound: { increment: resubmit ? 1 : 0 } } });
    status = await activate(tx, ctx, input.listId, current);
  }
  await event(tx, ctx, input.listId, resubmit ? "resubmitted" : "submitted", { stageName: current.name });
  await audit({ action: resubmit ? "list.resubmit" : "list.submit", subjectType: "powerList", subjectId: input.listId, before: { status: list.status }, after: { status, stage: current.name } });
  return { status };
}

/**
 * 编办 sets the stages still to come: names, order and reviewers. Finished stages stay as they
 * were; the active one stays first (its reviewers may change); 印发公布 stays last.
 */
export async function updateStages(input: StagesInput, ctx: CommandContext) {
  const { tx, audit } = ctx;
  await bump(tx, input.listId, input.version, ctx, ["DRAFTING", "RETURNED", "IN_REVIEW"]);
  const stages = await stagesOf(tx, input.listId);
  const before = stages.map((s) => ({ name: s.name, status: s.status, unitIds: s.assignees.map((a) => a.unitId) }));
  const done = stages.filter((s) => s.status === "DONE");
  const open = stages.filter((s) => s.status !== "DONE");
  const byId = new Map(open.map((s) => [s.id, s]));
  const publish = open.find((s) => s.kind === PUBLISH_STAGE);
  const active = open.find((s) => s.status === "ACTIVE");

  const fieldError = (i: number, key: string, message: string) => new AppError("VALIDATION", message, { [`stages.${i}.${key}`]: message });
  if (input.stages.some((s) => s.id !== null && !byId.has(s.id))) throw new AppError("CONFLICT", "审核环节已有变化，请刷新页面后重新设置。");
  const last = input.stages[input.stages.length - 1];
  if (!publish || last.id !== publish.id) throw new AppError("VALIDATION", "「印发公布」必须是最后一个环节。", { stages: "「印发公布」必须是最后一个环节" });
  if (active && input.stages[0].id !== active.id) throw new AppError("VALIDATION", `正在进行的「${active.name}」环节必须排在未开始的环节之前。`, { stages: "进行中的环节不能后移" });
  if (active && !input.stages.some((s) => s.id === active.id)) throw new AppError("VALIDATION", "进行中的环节不能删除。", { stages: "进行中的环节不能删除" });
  const names = new Set<string>();
  for (const [i, s] of input.stages.entries()) {
    if (names.has(s.name)) throw fieldError(i, "name", `环节名称「${s.name}」重复`);
    names.add(s.name);
    if (s.id !== publish.id && s.unitIds.length === 0) throw fieldError(i, "unitIds", `请为「${s.name}」指定至少一个审核单位`);
  }
  for (const d of done) if (names.has(d.name)) throw new AppError("VALIDATION", `「${d.name}」环节已完成，请为新环节另取名称。`, { stages: "与已完成环节重名" });
  const unitIds = [...new Set(input.stages.flatMap((s) => s.unitIds))];
  const units = await tx.orgUnit.findMany({ where: { id: { in: unitIds }, active: true }, select: { id: true } });
  if (units.length !== unitIds.length) throw new AppError("VALIDATION", "所选审核单位不存在或已停用。", { stages: "所选审核单位不存在或已停用" });

  const keep = new Set(input.stages.map((s) => s.id).filter((id): id is number => id !== null));
  const removed = open.filter((s) => !keep.has(s.id));
  if (removed.length) await tx.powerListStage.deleteMany({ where: { id: { in: removed.map((s) => s.id) } } });
  // Kept stages: new positions (after the finished ones) and names in one statement, reviewers replaced.
  const kept = input.stages.flatMap((s, i) => (s.id !== null ? [{ id: s.id, position: done.length + i + 1, name: s.id === publish.id ? publish.name : s.name }] : []));
  await tx.$executeRawUnsafe(
    `UPDATE power_list_stage AS s SET position = k.position, name = k.name
     FROM unnest($1::int[], $2::int[], $3::text[]) AS k(id, position, name) WHERE s.id = k.id`,
    kept.map((k) => k.id),
    kept.map((k) => k.position),
    kept.map((k) => k.name),
  );
  await tx.powerListStageAssignee.deleteMany({ where: { stageId: { in: kept.map((k) => k.id) } } });
  const assignees: { stageId: number; unitId: number }[] = [];
  for (const [i, s] of input.stages.entries()) {
    const stageId = s.id ?? (await tx.powerListStage.create({ data: { listId: input.listId, position: done.length + i + 1, name: s.name }, select: { id: true } })).id;
    for (const unitId of s.unitIds) assignees.push({ stageId, unitId });
  }
  if (assignees.length) await tx.powerListStageAssignee.createMany({ data: assignees });
  const after = input.stages.map((s) => ({ name: s.name, unitIds: s.unitIds }));
  await event(tx, ctx, input.listId, "stagesChanged", { note: input.stages.map((s) => s.name).join(" → ") });
  await audit({ action: "list.stages.update", subjectType: "powerList", subjectId: input.listId, before, after });
  // Reviewers of the active stage may have changed so that everyone left has agreed.
  const list = await tx.powerList.findUniqueOrThrow({ where: { id: input.listId }, select: { status: true, reviewRound: true } });
  if (list.status === "IN_REVIEW") await advanceIfComplete(tx, ctx, input.listId, list.reviewRound);
  return { count: input.stages.length };
}

/** The latest opinion of each assigned unit in this round; the stage is done when all agree. */
async function advanceIfComplete(tx: Tx, ctx: CommandContext, listId: number, round: number) {
  const stages = await stagesOf(tx, listId);
  const index = stages.findIndex((s) => s.status === "ACTIVE");
  const stage = stages[index];
  if (!stage || stage.kind === PUBLISH_STAGE) return false;
  const opinions = await tx.powerListOpinion.findMany({ where: { stageId: stage.id, round }, orderBy: { id: "asc" }, select: { unitId: true, opinion: true } });
  const latest = new Map(opinions.map((o) => [o.unitId, o.opinion]));
  const complete = stage.assignees.length > 0 && stage.assignees.every((a) => latest.has(a.unitId) && latest.get(a.unitId) !== "DISAGREE");
  if (!complete) return false;
  await tx.powerListStage.update({ where: { id: stage.id }, data: { status: "DONE", completedAt: new Date() } });
  await event(tx, ctx, listId, "stageDone", { stageName: stage.name });
  const next = stages[index + 1];
  if (next) await activate(tx, ctx, listId, next);
  return true;
}

/**
 * An assigned unit's opinion at the active stage. 不同意 sends the draft back to the drafter;
 * when every reviewer of the stage has agreed, the next stage starts.
 */
export async function recordOpinion(input: OpinionInput, ctx: CommandContext) {
  const { tx, audit, user } = ctx;
  const list = await tx.powerList.findUniqueOrThrow({ where: { id: input.listId }, select: { version: true, reviewRound: true, status: true, updatedByName: true } });
  if (list.version !== input.version) throw new AppError("CONFLICT", "清单草案在您审阅期间有了变化，意见没有保存。请刷新页面，查看最新内容后再提出意见。");
  const stage = await tx.powerListStage.findFirst({ where: { listId: input.listId, status: "ACTIVE" }, select: { id: true, name: true, kind: true } });
  if (!stage || list.status !== "IN_REVIEW") throw new AppError("INVALID_STATE");
  const meeting = meetingOf(stage.kind, input);
  const itemIds = [...new Set(input.itemComments.map((c) => c.itemId))];
  const items = await tx.powerListItem.findMany({ where: { listId: input.listId, id: { in: itemIds } }, select: { id: true, name: true } });
  if (items.length !== itemIds.length) throw new AppError("VALIDATION", "逐项意见所针对的事项不在本清单中。", { itemComments: "请重新选择事项" });
  const names = new Map(items.map((i) => [i.id, i.name]));
  const opinion = await tx.powerListOpinion.create({
    data: {
      listId: input.listId,
      stageId: stage.id,
      round: list.reviewRound,
      unitId: user.unitId,
      unitName: user.unitName,
      opinion: input.opinion,
      body: input.body,
      meetingNumber: meeting?.number ?? null,
      meetingDate: meeting ? dbDate(meeting.date) : null,
      draftVersion: list.version,
      authorId: user.id,
      authorName: user.displayName,
    },
  });
  if (input.itemComments.length) {
    await tx.powerListItemComment.createMany({
      data: input.itemComments.map((c) => ({
        listId: input.listId,
        itemId: c.itemId,
        itemName: names.get(c.itemId)!,
        opinionId: opinion.id,
        stageName: stage.name,
        unitName: user.unitName,
        authorName: user.displayName,
        body: c.body,
      })),
    });
  }
  await event(tx, ctx, input.listId, "opinion", {
    stageName: stage.name,
    note: `${OPINION_LABELS[input.opinion]}${meeting ? `（${meetingLabel(meeting)}）` : ""}${input.body ? `：${input.body}` : ""}`,
    data: { opinion: input.opinion, itemComments: input.itemComments.length, ...(meeting ? { meetingNumber: meeting.number, meetingDate: meeting.date } : {}) },
  });
  let status: PowerListStatus = list.status;
  if (input.opinion === "DISAGREE") {
    await bump(tx, input.listId, input.version, ctx, ["IN_REVIEW"]);
    await tx.powerList.update({ where: { id: input.listId }, data: { status: "RETURNED" } });
    await event(tx, ctx, input.listId, "returned", { stageName: stage.name, note: input.body });
    await notifyReturned(tx, input.listId, stage.name, input.body ?? "");
    status = "RETURNED";
  } else if (await advanceIfComplete(tx, ctx, input.listId, list.reviewRound)) {
    await bump(tx, input.listId, input.version, ctx);
    status = (await tx.powerList.findUniqueOrThrow({ where: { id: input.listId }, select: { status: true } })).status;
  }
  await audit({
    action: "list.opinion",
    subjectType: "powerList",
    subjectId: input.listId,
    after: { stage: stage.name, opinion: input.opinion, body: input.body, ...(meeting ? { meetingNumber: meeting.number, meetingDate: meeting.date } : {}), itemComments: input.itemComments, status },
  });
  return { status };
}

/** The stage where the 常务会 decides on the list: its opinion names the meeting. */
export const MEETING_STAGE = "EXECUTIVE";

/** At the 常务会审定 stage both meeting fields are required and the date may not be in the future; elsewhere they are ignored. */
function meetingOf(stageKind: string | null, input: { meetingNumber?: string | null; meetingDate?: string | null }): { number: string; date: string } | null {
  if (stageKind !== MEETING_STAGE) return null;
  const fields: Record<string, string> = {};
  if (!input.meetingNumber) fields.meetingNumber = "请填写会议期次（如 2026年第12次常务会议）";
  if (!input.meetingDate) fields.meetingDate = "请填写会议日期";
  else if (input.meetingDate > today()) fields.meetingDate = "会议日期不能晚于今天";
  if (Object.keys(fields).length) throw new AppError("VALIDATION", "常务会审定须填写会议期次和会议日期。", fields);
  return { number: input.meetingNumber!, date: input.meetingDate! };
}

/** Tells the unit whose list it is (the street or community that drafts it) that it came back, and why. */
async function notifyReturned(tx: Tx, listId: number, stageName: string | null, reason: string) {
  const list = await tx.powerList.findUniqueOrThrow({ where: { id: listId }, select: { unitId: true, title: true } });
  await notifyUnits(tx, [list.unitId], {
    title: `「${list.title}」被退回修改${stageName ? `（${stageName}）` : ""}`,
    body: reason ? `退回理由：${reason}` : "请查看审核意见，修改后重新提交审核。",
    href: `/lists/manage/${listId}`,
  });
}

/** 编办 sends the draft back to the drafter at any point of the review, with a reason. */
export async function returnList(input: { listId: number; version: number; reason: string }, ctx: CommandContext) {
  const { tx, audit } = ctx;
  await bump(tx, input.listId, input.version, ctx, ["IN_REVIEW", "APPROVED"]);
  const stage = await tx.powerListStage.findFirst({ where: { listId: input.listId, status: "ACTIVE" }, select: { name: true } });
  await tx.powerList.update({ where: { id: input.listId }, data: { status: "RETURNED" } });
  await event(tx, ctx, input.listId, "returned", { stageName: stage?.name, note: input.reason });
  await notifyReturned(tx, input.listId, stage?.name ?? null, input.reason);
  await audit({ action: "list.return", subjectType: "powerList", subjectId: input.listId, after: { status: "RETURNED", reason: input.reason } });
  return { status: "RETURNED" as const };
}

// ---- publication ----

/** An item as a version stores it. */
export type SnapshotItem = {
  itemKey: string;
  category: string | null;
  categoryOrder: number;
  section: DutySection;
  source: ListItemSource;
  sourceLabel: string | null;
} & Record<(typeof ITEM_FIELDS)[number], string | null>;

/** Version items in display order: section, category order, then the order given. */
function snapshotOrder(items: SnapshotItem[]): SnapshotItem[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => SECTIONS.indexOf(a.item.section) - SECTIONS.indexOf(b.item.section) || a.item.categoryOrder - b.item.categoryOrder || a.i - b.i)
    .map((x) => x.item);
}

/**
 * Writes an immutable version: the version row, its items in one statement, and the list's
 * search rows (replaced by the new version's). Returns the version's id and number.
 */
export async function writeVersion(
  tx: Tx,
  args: {
    listId: number;
    form: PowerListForm;
    title: string;
    unitName: string;
    documentNumber: string;
    publishedAt: Date;
    effectiveAt: Date;
    publisher: { id: number | null; name: string; unitName: string };
    note: string | null;
    adjustmentId?: number | null;
    items: SnapshotItem[];
  },
) {
  const list = await tx.powerList.findUniqueOrThrow({ where: { id: args.listId }, select: { versionCount: true } });
  const versionNo = list.versionCount + 1;
  const ordered = snapshotOrder(args.items);
  const version = await tx.powerListVersion.create({
    data: {
      listId: args.listId,
      versionNo,
      form: args.form,
      title: args.title,
      unitName: args.unitName,
      documentNumber: args.documentNumber,
      publishedAt: args.publishedAt,
      effectiveAt: args.effectiveAt,
      publisherId: args.publisher.id,
      publisherName: args.publisher.name,
      publisherUnit: args.publisher.unitName,
      note: args.note,
      adjustmentId: args.adjustmentId ?? null,
      itemCount: ordered.length,
    },
    select: { id: true },
  });
  await tx.powerListVersionItem.createMany({
    data: ordered.map((item, i) => ({ ...item, name: item.name ?? "", versionId: version.id, listId: args.listId, position: i + 1, searchText: itemSearchText({ ...item, name: item.name ?? "" }) })),
  });
  await tx.powerList.update({ where: { id: args.listId }, data: { currentVersionId: version.id, versionCount: versionNo, status: "PUBLISHED" } });
  await indexInForce(tx, [args.listId]);
  return { id: version.id, versionNo };
}

/**
 * The cross-list search holds the items of each list's version in force (现行, lib/lists/in-force.ts):
 * the latest whose 施行日期 has come in China, or the first one while none has. A version that takes
 * effect later is found from its day on: publishing indexes it if it is already in force, and the
 * scheduled check (lib/lists/search-schedule.ts) moves the rows on the day it comes into force.
 * Returns the lists moved. Idempotent, and safe on several servers at once: the row lock on
 * power_list lets one of them move a list, and the others then find it moved.
 */
export async function indexInForce(tx: Pick<Tx, "$queryRawUnsafe" | "$executeRawUnsafe">, listIds: number[] | null, day = today()): Promise<number[]> {
  const moved = await tx.$queryRawUnsafe<{ list_id: number; version_id: number }[]>(
    `WITH target AS (
       SELECT l.id AS list_id,
              (${shownVersionSql("pv.id", "l.id", "$1::date")}) AS version_id
       FROM power_list l
       WHERE l.current_version_id IS NOT NULL ${listIds ? "AND l.id = ANY($2::int[])" : ""}
     )
     UPDATE power_list l SET indexed_version_id = t.version_id
     FROM target t
     WHERE l.id = t.list_id AND l.indexed_version_id IS DISTINCT FROM t.version_id
     RETURNING l.id AS list_id, t.version_id`,
    day,
    ...(listIds ? [listIds] : []),
  );
  if (!moved.length) return [];
  const lists = moved.map((m) => m.list_id);
  await tx.$executeRawUnsafe(`DELETE FROM power_list_search WHERE list_id = ANY($1::int[])`, lists);
  await tx.$executeRawUnsafe(
    `INSERT INTO power_list_search (item_id, list_id, version_id, text)
     SELECT id, list_id, version_id, search_text FROM power_list_version_item WHERE version_id = ANY($1::int[])`,
    moved.map((m) => m.version_id),
  );
  return lists;
}

/** One check on the application's database (server start and every ten minutes, lib/lists/search-schedule.ts). */
export async function runSearchSync(day = today()) {
  return prisma.$transaction((tx) => indexInForce(tx, null, day), { timeout: 120_000, maxWait: 10_000 });
}

/** A calendar date as a DATE column stores it. */
const dateOnly = (d: string) => new Date(`${d}T00:00:00Z`);

/** When a version counts as published: now if dated today, else that day's start in China. */
export function publicationTime(publishDate: string, now = new Date()): Date {
  const today = toDay(now);
  if (publishDate > today) throw new AppError("VALIDATION", "公布日期不能晚于今天。", { publishDate: "公布日期不能晚于今天" });
  return publishDate === today ? now : dayStart(publishDate);
}

/** 印发公布: the approved draft becomes version N, with 文号 and dates. */
export async function publishList(input: PublishInput, ctx: CommandContext) {
  const { tx, audit, user } = ctx;
  await bump(tx, input.listId, input.version, ctx, ["APPROVED"]);
  const list = await tx.powerList.findUniqueOrThrow({ where: { id: input.listId }, select: { form: true, title: true, unit: { select: { name: true } } } });
  const items = await tx.powerListItem.findMany({
    where: { listId: input.listId },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    include: { category: { select: { name: true, sortOrder: true } } },
  });
  if (items.length === 0) throw new AppError("INVALID_STATE", "草案中没有事项，不能公布。");
  const publishedAt = publicationTime(input.publishDate);
  const version = await writeVersion(tx, {
    listId: input.listId,
    form: list.form,
    title: list.title,
    unitName: list.unit.name,
    documentNumber: input.documentNumber,
    publishedAt,
    effectiveAt: dateOnly(input.effectiveDate),
    publisher: { id: user.id, name: user.displayName, unitName: user.unitName },
    note: input.note,
    items: items.map((i) => snapshotFromDraft(i)),
  });
  await tx.powerListStage.updateMany({ where: { listId: input.listId, status: "ACTIVE" }, data: { status: "DONE", completedAt: new Date() } });
  await event(tx, ctx, input.listId, "published", {
    stageName: "印发公布",
    note: `第 ${version.versionNo} 版，${input.documentNumber}，${items.length} 项`,
    data: { versionId: version.id, versionNo: version.versionNo },
  });
  await audit({
    action: "list.publish",
    subjectType: "powerList",
    subjectId: input.listId,
    after: { versionId: version.id, versionNo: version.versionNo, documentNumber: input.documentNumber, publishDate: input.publishDate, effectiveDate: input.effectiveDate, items: items.length },
  });
  // A district 编办 that publishes a list of its district files it with the city 编办 (备案).
  const area = areaOf(user);
  if (area) {
    await createFiling(
      { kind: "POWER_LIST", subjectId: input.listId, versionId: version.id, title: `${list.title}（第 ${version.versionNo} 版，${input.documentNumber}）`, districtId: area.districtId },
      ctx,
    );
  }
  return version;
}

export function snapshotFromDraft(i: {
  itemKey: string;
  section: DutySection;
  source: ListItemSource;
  sourceLabel: string | null;
  category: { name: string; sortOrder: number } | null;
} & Record<(typeof ITEM_FIELDS)[number], string | null>): SnapshotItem {
  const out = { itemKey: i.itemKey, category: i.category?.name ?? null, categoryOrder: i.category?.sortOrder ?? 9999, section: i.section, source: i.source, sourceLabel: i.sourceLabel } as SnapshotItem;
  for (const f of ITEM_FIELDS) out[f] = i[f] ?? null;
  return out;
}

// ---- function categories (职能分类) ----

export async function createCategory(input: { name: string }, { tx, audit }: CommandContext) {
  const last = await tx.powerListCategory.aggregate({ _max: { sortOrder: true } });
  if (await tx.powerListCategory.findUnique({ where: { name: input.name }, select: { id: true } })) {
    throw new AppError("DUPLICATE", `已有「${input.name}」。`, { name: `已有「${input.name}」` });
  }
  const c = await tx.powerListCategory.create({ data: { name: input.name, sortOrder: (last._max.sortOrder ?? 0) + 1 } });
  await audit({ action: "listCategory.create", subjectType: "powerListCategory", subjectId: c.id, after: c });
  return { id: c.id };
}

export async function renameCategory(input: { id: number; name: string; expectedStamp?: string }, { tx, audit }: CommandContext) {
  const before = await tx.powerListCategory.findUnique({ where: { id: input.id } });
  if (!before) throw new AppError("NOT_FOUND");
  await assertFresh(tx, "power_list_category", input.id, input.expectedStamp);
  const taken = await tx.powerListCategory.findFirst({ where: { name: input.name, id: { not: input.id } }, select: { id: true } });
  if (taken) throw new AppError("DUPLICATE", `已有「${input.name}」。`, { name: `已有「${input.name}」` });
  const after = await tx.powerListCategory.update({ where: { id: input.id }, data: { name: input.name } });
  await audit({ action: "listCategory.rename", subjectType: "powerListCategory", subjectId: input.id, before, after });
  return { id: input.id };
}

export async function moveCategory(input: { id: number; direction: "up" | "down" }, { tx, audit }: CommandContext) {
  const all = await tx.powerListCategory.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true } });
  const i = all.findIndex((c) => c.id === input.id);
  if (i < 0) throw new AppError("NOT_FOUND");
  const j = input.direction === "up" ? i - 1 : i + 1;
  if (j < 0 || j >= all.length) return { id: input.id };
  [all[i], all[j]] = [all[j], all[i]];
  for (const [k, c] of all.entries()) await tx.powerListCategory.update({ where: { id: c.id }, data: { sortOrder: k + 1 } });
  await audit({ action: "listCategory.move", subjectType: "powerListCategory", subjectId: input.id, after: { direction: input.direction } });
  return { id: input.id };
}

export async function setCategoryActive(input: { id: number; active: boolean }, { tx, audit }: CommandContext) {
  const before = await tx.powerListCategory.findUnique({ where: { id: input.id } });
  if (!before) throw new AppError("NOT_FOUND");
  await tx.powerListCategory.update({ where: { id: input.id }, data: { active: input.active } });
  await audit({ action: input.active ? "listCategory.activate" : "listCategory.deactivate", subjectType: "powerListCategory", subjectId: input.id, before: { active: before.active }, after: { active: input.active } });
  return { id: input.id };
}
