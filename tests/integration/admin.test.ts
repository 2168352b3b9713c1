import { describe, expect, it } from "vitest";
import { createUserAction, resetUserPasswordAction, setUserActiveAction, unlockUserAction, updateUserAction } from "@/lib/users/actions";
import { createUnitAction, moveUnitAction, setUnitActiveAction, updateUnitAction } from "@/lib/units/actions";
import { changePasswordAction } from "@/lib/account/actions";
import { verifyPassword } from "@/lib/auth/password";
import { actAs, createTestUser, prisma, unitId } from "./helpers";


const NON_ADMINS = ["bianban", "chengguan", "sifa", "jiedao", "shequ", "lingdao"];

async function snapshot() {
  const [users, units, audits] = await Promise.all([
    prisma.user.findMany({ orderBy: { id: "asc" }, select: { id: true, username: true, displayName: true, roles: true, active: true, unitId: true, passwordHash: true, lockedUntil: true } }),
    prisma.orgUnit.findMany({ orderBy: { id: "asc" } }),
    prisma.auditLog.count({ where: { outcome: "SUCCESS" } }), // refused attempts add security events, not changes
  ]);
  return { users, units, audits };
}

describe("admin actions: the role matrix at the server", () => {
  it("refuses every admin action to every non-admin role and changes nothing", async () => {
    const target = await createTestUser({ unit: "示例市民政局", roles: ["DEPARTMENT"] });
    const street = await unitId("东湖街道办事处");
    const district = await unitId("西山县");
    const calls = [
      () => createUserAction({ username: "intruder", displayName: "入侵", unitId: street, roles: ["STREET"] }),
      () => updateUserAction({ id: target.id, displayName: "改名", unitId: target.unitId, roles: ["DEPARTMENT"] }),
      () => setUserActiveAction({ id: target.id, active: false }),
      () => resetUserPasswordAction({ id: target.id }),
      () => unlockUserAction({ id: target.id }),
      () => createUnitAction({ name: "新街道", kind: "STREET", parentId: district }),
      () => updateUnitAction({ id: street, name: "改名街道", jointMeetingMember: false }),
      () => moveUnitAction({ id: street, parentId: district }),
      () => setUnitActiveAction({ id: street, active: false }),
    ];
    const before = await snapshot();
    for (const username of NON_ADMINS) {
      await actAs(username);
      for (const call of calls) {
        const r = await call();
        expect(r, `${username}`).toMatchObject({ ok: false, code: "FORBIDDEN", message: "您没有权限进行此操作。" });
      }
    }
    await actAs(null);
    for (const call of calls) expect(await call()).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await snapshot()).toEqual(before);
  });

  it("lets an admin create a user who must change the password, and audits it in the same transaction", async () => {
    await actAs("admin");
    const unit = await unitId("南岸街道办事处");
    const r = await createUserAction({ username: "NanAn01", displayName: "南岸一号", unitId: unit, roles: ["STREET"], phone: "" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const u = await prisma.user.findUniqueOrThrow({ where: { id: r.data.id } });
    expect(u).toMatchObject({ username: "nanan01", mustChangePassword: true, roles: ["STREET"], unitId: unit });
    expect(await verifyPassword(r.data.temporaryPassword, u.passwordHash)).toBe(true);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "user.create", subjectId: String(u.id) } });
    expect(audit).toMatchObject({ actorName: "王建国", actorRoles: "BIANBAN_ADMIN", unitName: "示例市委编办", address: "127.0.0.1" });
    expect(JSON.stringify(audit.after)).not.toContain(u.passwordHash);

    // The new account can only change its password until it has done so.
    await actAs("nanan01");
    expect(await createUnitAction({ name: "某街道", kind: "STREET", parentId: await unitId("东湖区") })).toMatchObject({ code: "PASSWORD_CHANGE_REQUIRED" });
    const changed = await changePasswordAction({ currentPassword: r.data.temporaryPassword, newPassword: "NewPass2026", confirmPassword: "NewPass2026" });
    expect(changed).toEqual({ ok: true, data: { username: "nanan01" } });
    const after = await prisma.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(after.mustChangePassword).toBe(false);
    expect(await verifyPassword("NewPass2026", after.passwordHash)).toBe(true);
    expect(after.sessionVersion).toBe(u.sessionVersion + 1);
    expect(await prisma.auditLog.count({ where: { action: "account.changePassword", subjectId: String(u.id) } })).toBe(1);
  });

  it("answers bad input with Chinese field messages and writes nothing", async () => {
    await actAs("admin");
    const before = await snapshot();
    const r = await createUserAction({ username: "a", displayName: "", unitId: "abc", roles: [] });
    expect(r).toMatchObject({ ok: false, code: "VALIDATION" });
    if (r.ok) return;
    expect(r.fieldErrors).toMatchObject({ username: "用户名至少 3 位", displayName: "请填写姓名", roles: "至少选择一个角色" });
    // A street account cannot hold a department role; a non-member unit cannot have reviewers.
    const street = await unitId("北门街道办事处");
    expect(await createUserAction({ username: "beimen9", displayName: "北门", unitId: street, roles: ["DEPARTMENT"] })).toMatchObject({ code: "VALIDATION" });
    const dept = await unitId("示例市民政局");
    expect(await createUserAction({ username: "minzheng9", displayName: "民政", unitId: dept, roles: ["REVIEWER"] })).toMatchObject({ code: "VALIDATION", message: "示例市民政局不是联席会议成员单位，不能设为审核人" });
    expect(await createUserAction({ username: "admin", displayName: "重名", unitId: dept, roles: ["DEPARTMENT"] })).toMatchObject({ code: "DUPLICATE" });
    expect(await snapshot()).toEqual(before);
  });

  it("resets, deactivates and unlocks with audit rows, and never lets an admin lock themselves out", async () => {
    await actAs("admin");
    const u = await createTestUser({ unit: "示例市财政局", roles: ["REVIEWER"] });
    await prisma.user.update({ where: { id: u.id }, data: { failedLoginCount: 5, lockedUntil: new Date(Date.now() + 600_000) } });
    expect((await unlockUserAction({ id: u.id })).ok).toBe(true);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: u.id } })).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
    const reset = await resetUserPasswordAction({ id: u.id });
    expect(reset.ok).toBe(true);
    expect((await setUserActiveAction({ id: u.id, active: false })).ok).toBe(true);
    const actions = (await prisma.auditLog.findMany({ where: { subjectType: "user", subjectId: String(u.id) }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["user.unlock", "user.resetPassword", "user.deactivate"]);
    const admin = await prisma.user.findUniqueOrThrow({ where: { username: "admin" } });
    expect(await setUserActiveAction({ id: admin.id, active: false })).toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps the org tree consistent: kinds in place, no cycles, no orphaned active children", async () => {
    await actAs("admin");
    const district = await unitId("东湖区");
    const street = await unitId("东湖街道办事处");
    const community = await unitId("东湖桂花社区");
    expect(await createUnitAction({ name: "错位社区", kind: "COMMUNITY", parentId: district })).toMatchObject({ code: "VALIDATION" });
    expect(await moveUnitAction({ id: district, parentId: community })).toMatchObject({ code: "VALIDATION" });
    expect(await setUnitActiveAction({ id: street, active: false })).toMatchObject({ code: "INVALID_STATE" });
    const created = await createUnitAction({ name: "新城街道办事处", shortName: "新城", kind: "STREET", parentId: district, code: "429901009" });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect((await updateUnitAction({ id: created.data.id, name: "新城街道", jointMeetingMember: false })).ok).toBe(true);
    expect((await moveUnitAction({ id: created.data.id, parentId: await unitId("西山县") })).ok).toBe(true);
    expect((await setUnitActiveAction({ id: created.data.id, active: false })).ok).toBe(true);
    const actions = (await prisma.auditLog.findMany({ where: { subjectType: "unit", subjectId: String(created.data.id) }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["unit.create", "unit.rename", "unit.move", "unit.deactivate"]);
  });
});
