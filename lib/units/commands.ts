import type { CommandContext } from "@/lib/action";
import { AppError } from "@/lib/errors";
import type { CreateUnitInput, UpdateUnitInput } from "./schema";
import { placementProblem, wouldCreateCycle } from "./tree";
import { assertFresh } from "@/lib/edit-stamp";
import { areaOf, DISTRICT_MANAGED_KINDS, mayManageUnit, unitInArea } from "@/lib/auth/scope";
import { ORG_KIND_LABELS } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/types";

const MANAGED_KIND_NAMES = DISTRICT_MANAGED_KINDS.map((k) => ORG_KIND_LABELS[k]).join("、");

/** A district 编办 keeps only the streets, townships, communities and departments of its district. */
function assertManages(user: SessionUser, unit: { id: number; kind: string; name: string }) {
  if (!mayManageUnit(user, unit)) throw new AppError("FORBIDDEN", `${unit.name}不由本编办管理：区县编办只能管理本辖区的${MANAGED_KIND_NAMES}。`);
}

/** A district 编办 places units only beneath its own district. */
function assertParentInArea(user: SessionUser, parent: { id: number; name: string } | null) {
  if (!areaOf(user)) return;
  if (!parent || !unitInArea(user, parent.id)) {
    const message = parent ? `${parent.name}不在本辖区内，区县编办只能在本辖区内设立单位。` : "区县编办只能在本辖区内设立单位，请选择上级单位。";
    throw new AppError("VALIDATION", message, { parentId: message });
  }
}

export async function createUnit(input: CreateUnitInput, { tx, audit, user }: CommandContext) {
  const parent = input.parentId ? await tx.orgUnit.findUnique({ where: { id: input.parentId } }) : null;
  if (input.parentId && !parent) throw new AppError("VALIDATION", "上级单位不存在。", { parentId: "上级单位不存在" });
  assertParentInArea(user, parent);
  if (!mayManageUnit(user, { id: parent?.id ?? null, kind: input.kind })) {
    const message = `区县编办只能设立${MANAGED_KIND_NAMES}。`;
    throw new AppError("VALIDATION", message, { kind: message });
  }
  const problem = placementProblem(input.kind, parent?.kind ?? null);
  if (problem) throw new AppError("VALIDATION", problem, { parentId: problem });
  const dup = await tx.orgUnit.findFirst({ where: { parentId: input.parentId ?? null, name: input.name }, select: { id: true } });
  if (dup) throw new AppError("DUPLICATE", "同一上级下已有同名单位。", { name: "同一上级下已有同名单位" });
  const last = await tx.orgUnit.aggregate({ where: { parentId: input.parentId ?? null }, _max: { sortOrder: true } });
  const unit = await tx.orgUnit.create({ data: { ...input, parentId: input.parentId ?? null, sortOrder: (last._max.sortOrder ?? 0) + 1 } });
  await audit({ action: "unit.create", subjectType: "unit", subjectId: unit.id, after: unit });
  return { id: unit.id };
}

export async function updateUnit(input: UpdateUnitInput, { tx, audit, user }: CommandContext) {
  const before = await tx.orgUnit.findUnique({ where: { id: input.id } });
  if (!before) throw new AppError("NOT_FOUND");
  assertManages(user, before);
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

export async function moveUnit(input: { id: number; parentId: number | null }, { tx, audit, user }: CommandContext) {
  const unit = await tx.orgUnit.findUnique({ where: { id: input.id } });
  if (!unit) throw new AppError("NOT_FOUND");
  assertManages(user, unit);
  const parent = input.parentId ? await tx.orgUnit.findUnique({ where: { id: input.parentId } }) : null;
  if (input.parentId && !parent) throw new AppError("VALIDATION", "目标上级单位不存在。", { parentId: "目标上级单位不存在" });
  assertParentInArea(user, parent);
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

export async function setUnitActive(input: { id: number; active: boolean }, { tx, audit, user }: CommandContext) {
  const unit = await tx.orgUnit.findUnique({ where: { id: input.id }, include: { _count: { select: { children: { where: { active: true } } } } } });
  if (!unit) throw new AppError("NOT_FOUND");
  assertManages(user, unit);
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
