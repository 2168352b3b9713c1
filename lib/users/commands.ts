import type { CommandContext } from "@/lib/action";
import type { Tx } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { generateTemporaryPassword, hashPassword } from "@/lib/auth/password";
import { ROLE_LABELS, ROLES_FOR_KIND } from "@/lib/auth/roles";
import { forgetDemoPasswordCheck } from "@/lib/auth/demo-passwords";
import { revokeUserSessions } from "@/lib/auth/sessions";
import type { CreateUserInput, UpdateUserInput } from "./schema";
import { assertFresh } from "@/lib/edit-stamp";
import { areaOf, CITY_GRANTED_ROLES, unitInArea } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/types";
import type { UserSubject } from "./policy";

const auditView = { id: true, username: true, displayName: true, unitId: true, roles: true, active: true, phone: true } as const;

/** Roles must fit the unit: a street account cannot be a department, a reviewer sits in a joint-meeting member. */
async function checkRolesFitUnit(tx: Tx, unitId: number, roles: Role[]) {
  const unit = await tx.orgUnit.findUnique({ where: { id: unitId }, select: { kind: true, active: true, jointMeetingMember: true, name: true } });
  if (!unit) throw new AppError("VALIDATION", "所属单位不存在。", { unitId: "所属单位不存在" });
  if (!unit.active) throw new AppError("VALIDATION", "所属单位已停用。", { unitId: "所属单位已停用" });
  const wrong = roles.filter((r) => !ROLES_FOR_KIND[unit.kind].includes(r));
  if (wrong.length) {
    const message = `${unit.name}的账号不能担任：${wrong.map((r) => ROLE_LABELS[r]).join("、")}`;
    throw new AppError("VALIDATION", message, { roles: message });
  }
  if (roles.includes("REVIEWER") && !unit.jointMeetingMember) {
    const message = `${unit.name}不是联席会议成员单位，不能设为审核人`;
    throw new AppError("VALIDATION", message, { roles: message });
  }
}

/**
 * A district 编办 gives accounts only to units of its own district, and never a role the city
 * grants (lib/auth/scope.ts CITY_GRANTED_ROLES), nor takes one away.
 */
async function checkDistrictGrant(tx: Tx, me: SessionUser, unitId: number, roles: Role[], before?: Role[]) {
  if (!areaOf(me)) return;
  if (!unitInArea(me, unitId)) {
    const unit = await tx.orgUnit.findUnique({ where: { id: unitId }, select: { name: true } });
    const message = `${unit?.name ?? "所选单位"}不在本辖区内，区县编办只能为本辖区的单位设立账号。`;
    throw new AppError("VALIDATION", message, { unitId: message });
  }
  const cityRoles = (CITY_GRANTED_ROLES as readonly Role[]).filter((r) => roles.includes(r) || before?.includes(r));
  if (cityRoles.length) {
    const message = `${cityRoles.map((r) => ROLE_LABELS[r]).join("、")}账号由市编办设立和调整，区县编办不能授予或取消。`;
    throw new AppError("VALIDATION", message, { roles: message });
  }
}

export async function createUser(input: CreateUserInput, { tx, audit, user: me }: CommandContext) {
  await checkDistrictGrant(tx, me, input.unitId, input.roles);
  await checkRolesFitUnit(tx, input.unitId, input.roles);
  if (await tx.user.findUnique({ where: { username: input.username }, select: { id: true } })) {
    throw new AppError("DUPLICATE", "用户名已被使用。", { username: "用户名已被使用" });
  }
  const temporaryPassword = generateTemporaryPassword();
  const user = await tx.user.create({
    data: { ...input, passwordHash: await hashPassword(temporaryPassword), mustChangePassword: true },
    select: auditView,
  });
  await audit({ action: "user.create", subjectType: "user", subjectId: user.id, after: user });
  return { id: user.id, temporaryPassword };
}

/** The account an action touches, with its unit for the area check (lib/auth/scope.ts). */
export async function userSubject(tx: Tx, id: number): Promise<UserSubject | false> {
  const user = await tx.user.findUnique({ where: { id }, select: { unitId: true, roles: true } });
  return user ? { type: "user", id, unitId: user.unitId, roles: user.roles } : false;
}

export async function updateUser(input: UpdateUserInput, { tx, audit, user: me }: CommandContext) {
  const before = await tx.user.findUnique({ where: { id: input.id }, select: auditView });
  if (!before) throw new AppError("NOT_FOUND");
  // A district 编办 keeps its accounts in its own district.
  if (!unitInArea(me, input.unitId)) throw new AppError("VALIDATION", "所属单位不在本辖区内。", { unitId: "所属单位不在本辖区内" });
  await checkDistrictGrant(tx, me, input.unitId, input.roles, before.roles);
  await assertFresh(tx, "app_user", input.id, input.expectedStamp);
  await checkRolesFitUnit(tx, input.unitId, input.roles);
  const { id, expectedStamp: _stamp, ...data } = input;
  const rolesChanged = before.roles.slice().sort().join() !== input.roles.slice().sort().join() || before.unitId !== input.unitId;
  const after = await tx.user.update({
    where: { id },
    // A new unit or role set takes effect now: other sessions are signed out.
    data: { ...data, ...(rolesChanged ? { sessionVersion: { increment: 1 } } : {}) },
    select: auditView,
  });
  await audit({ action: "user.update", subjectType: "user", subjectId: id, before, after });
  return { id };
}

export async function setUserActive(input: { id: number; active: boolean }, { tx, audit }: CommandContext) {
  const before = await tx.user.findUnique({ where: { id: input.id }, select: auditView });
  if (!before) throw new AppError("NOT_FOUND");
  if (before.active === input.active) return { id: input.id };
  const after = await tx.user.update({
    where: { id: input.id },
    data: { active: input.active, sessionVersion: { increment: 1 } },
    select: auditView,
  });
  if (!input.active) {
    await revokeUserSessions(tx, input.id, "deactivated");
    forgetDemoPasswordCheck();
  }
  await audit({ action: input.active ? "user.activate" : "user.deactivate", subjectType: "user", subjectId: input.id, before, after });
  return { id: input.id };
}

export async function resetUserPassword(input: { id: number }, { tx, audit }: CommandContext) {
  const user = await tx.user.findUnique({ where: { id: input.id }, select: { id: true, username: true } });
  if (!user) throw new AppError("NOT_FOUND");
  const temporaryPassword = generateTemporaryPassword();
  await tx.user.update({
    where: { id: input.id },
    data: {
      passwordHash: await hashPassword(temporaryPassword),
      mustChangePassword: true,
      failedLoginCount: 0,
      lockedUntil: null,
      sessionVersion: { increment: 1 },
    },
  });
  await revokeUserSessions(tx, input.id, "passwordReset");
  forgetDemoPasswordCheck();
  await audit({ action: "user.resetPassword", subjectType: "user", subjectId: input.id, after: { mustChangePassword: true } });
  return { id: input.id, temporaryPassword };
}

export async function unlockUser(input: { id: number }, { tx, audit }: CommandContext) {
  const before = await tx.user.findUnique({ where: { id: input.id }, select: { failedLoginCount: true, lockedUntil: true } });
  if (!before) throw new AppError("NOT_FOUND");
  await tx.user.update({ where: { id: input.id }, data: { failedLoginCount: 0, lockedUntil: null } });
  await audit({ action: "user.unlock", subjectType: "user", subjectId: input.id, before, after: { failedLoginCount: 0, lockedUntil: null } });
  return { id: input.id };
}
