import type { CommandContext } from "@/lib/action";
import { AppError } from "@/lib/errors";
import type { CreateUnitInput, UpdateUnitInput } from "./schema";
import { placementProblem, wouldCreateCycle } from "./tree";
import { assertFresh } from "@/lib/edit-stamp";

export async function createUnit(input: CreateUnitInput, { tx, audit }: CommandContext) {
  const parent = input.parentId ? await tx.orgUnit.findUnique({ where: { id: input.parentId } }) : null;
  if (input.parentId && !parent) throw new AppError("VALIDATION", "上级单位不存在。", { parentId: "上级单位不存在" });
  const problem = placementProblem(input.kind, parent?.kind ?? null);
  if (problem) throw new AppError("VALIDATION", problem, { parentId: problem });
  const dup = await tx.orgUnit.findFirst({ where: { parentId: input.parentId ?? null, name: input.name }, select: { id: true } });
  if (dup) throw new AppError("DUPLICATE", "同一上级下已有同名单位。", { name: "同一上级下已有同名单位" });
  const last = await tx.orgUnit.aggregate({ where: { parentId: input.parentId ?? null }, _max: { sortOrder: true } });
  const unit = await tx.orgUnit.create({ data: { ...input, parentId: input.parentId ?? null, sortOrder: (last._max.sortOrder ?? 0) + 1 } });
  await audit({ action: "unit.create", subjectType: "unit", subjectId: unit.id, after: unit });
  return { id: unit.id };
}

export async function updateUnit(input: UpdateUnitInput, { tx, audit }: CommandContext) {
  const before = await tx.orgUnit.findUnique({ where: { id: input.id } });
  if (!before) throw new AppError("NOT_FOUND");
  await assertFresh(tx, "org_unit", input.id, input.expectedStamp);
  const dup = await tx.orgUnit.findFirst({ where: { parentId: before.parentId, name: input.name, id: { not: input.id } }, select: { id: true } });
  if (dup) throw new AppError("DUPLICATE", "同一上级下已有同名单位。", { name: "同一上级下已有同名单位" });
  if (before.jointMeetingMember && !input.jointMeetingMember) {
    const reviewers = await tx.user.count({ where: { unitId: input.id, active: true, roles: { has: "REVIEWER" } } });
    if (reviewers > 0) {
      const message = `该单位还有 ${reviewers} 个联席会议审核人账号，请先调整这些账号的角色。`;
      throw new AppError("INVALID_STATE", message, { jointMeetingMember: message });
    }
  }
  const { id, expectedStamp: _stamp, ...data } = input;
  const after = await tx.orgUnit.update({ where: { id }, data });
  await audit({ action: before.name !== after.name ? "unit.rename" : "unit.update", subjectType: "unit", subjectId: id, before, after });
  return { id };
}

export async function moveUnit(input: { id: number; parentId: number | null }, { tx, audit }: CommandContext) {
  const unit = await tx.orgUnit.findUnique({ where: { id: input.id } });
  if (!unit) throw new AppError("NOT_FOUND");
  const parent = input.parentId ? await tx.orgUnit.findUnique({ where: { id: input.parentId } }) : null;
  if (input.parentId && !parent) throw new AppError("VALIDATION", "目标上级单位不存在。", { parentId: "目标上级单位不存在" });
  if (parent && !parent.active && unit.active) throw new AppError("VALIDATION", "不能移到已停用的单位之下。", { parentId: "目标上级单位已停用" });
  const problem = placementProblem(unit.kind, parent?.kind ?? null);
  if (problem) throw new AppError("VALIDATION", problem, { parentId: problem });
  const all = await tx.orgUnit.findMany({ select: { id: true, parentId: true } });
  if (wouldCreateCycle(all, input.id, input.parentId)) {
    throw new AppError("VALIDATION", "不能把单位移到它自己或它的下级单位之下。", { parentId: "不能移到自身或下级单位之下" });
  }
  await tx.orgUnit.update({ where: { id: input.id }, data: { parentId: input.parentId } });
  await audit({ action: "unit.move", subjectType: "unit", subjectId: input.id, before: { parentId: unit.parentId }, after: { parentId: input.parentId } });
  return { id: input.id };
}

export async function setUnitActive(input: { id: number; active: boolean }, { tx, audit }: CommandContext) {
  const unit = await tx.orgUnit.findUnique({ where: { id: input.id }, include: { _count: { select: { children: { where: { active: true } } } } } });
  if (!unit) throw new AppError("NOT_FOUND");
  if (!input.active && unit._count.children > 0) {
    throw new AppError("INVALID_STATE", "该单位还有在用的下级单位，请先停用或移走下级单位。");
  }
  if (input.active && unit.parentId) {
    const parent = await tx.orgUnit.findUnique({ where: { id: unit.parentId }, select: { active: true } });
    if (parent && !parent.active) throw new AppError("INVALID_STATE", "上级单位已停用，请先启用上级单位。");
  }
  await tx.orgUnit.update({ where: { id: input.id }, data: { active: input.active } });
  // Accounts of a deactivated unit can no longer sign in; their history stays.
  if (!input.active) await tx.user.updateMany({ where: { unitId: input.id }, data: { sessionVersion: { increment: 1 } } });
  await audit({ action: input.active ? "unit.activate" : "unit.deactivate", subjectType: "unit", subjectId: input.id, before: { active: unit.active }, after: { active: input.active } });
  return { id: input.id };
}
