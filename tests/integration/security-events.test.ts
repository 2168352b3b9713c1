import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { authenticate } from "@/lib/auth/commands";
import { DEFAULT_POLICY } from "@/lib/auth/throttle";
import { liveSession } from "@/lib/auth/sessions";
import { sessionLimits } from "@/lib/auth/limits";
import { cachedDemoPasswordsInUse, demoPasswordsInUse } from "@/lib/auth/demo-passwords";
import { changePasswordAction } from "@/lib/account/actions";
import { createUserAction, resetUserPasswordAction } from "@/lib/users/actions";
import { actAs, createTestUser, prisma, unitId } from "./helpers";


const change = (currentPassword: string, newPassword: string) =>
  changePasswordAction({ currentPassword, newPassword, confirmPassword: newPassword });

describe("issue 10 #9: weak passwords are refused wherever a person sets one", () => {
  it("refuses short, two-class, common and demo passwords and the user name, and changes nothing", async () => {
    const u = await createTestUser({ unit: "示例市民政局", roles: ["DEPARTMENT"], username: "wangfang" });
    await actAs(u.username);
    for (const [pw, message] of [
      ["Password1", "密码至少 10 位"],
      ["aaaaaaa1", "密码至少 10 位"],
      ["abcdefgh12", "密码须包含大写字母、小写字母、数字、符号中的至少三类（14 位及以上不限）"],
      ["Qingdan@2026", "不能使用公开的演示密码或与之相近的密码"],
      ["Password123!", "密码过于常见，容易被猜中，请换一个"],
      ["Wangfang2026!", "密码不能包含用户名"],
    ]) {
      const r = await change("Passw0rd!x", pw);
      expect(r, pw).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { newPassword: message } });
    }
    const after = await prisma.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(after.passwordHash).toBe(u.passwordHash);
    expect(await change("Passw0rd!x", "Quiet-Harbor-81")).toMatchObject({ ok: true });
  });

  it("gives administrators' new and reset accounts temporary passwords that pass the rule", async () => {
    await actAs("admin");
    const created = await createUserAction({ username: "nanan-sec", displayName: "南安测试", unitId: await unitId("东湖街道办事处"), roles: ["STREET"] });
    expect(created.ok).toBe(true);
    const { passwordProblem } = await import("@/lib/auth/password");
    if (!created.ok) return;
    expect(passwordProblem(created.data.temporaryPassword, "nanan-sec")).toBeNull();
    const reset = await resetUserPasswordAction({ id: created.data.id });
    expect(reset.ok && passwordProblem(reset.data.temporaryPassword, "nanan-sec")).toBeNull();
  });

  it("tells 编办 administrators which active accounts still use the demo password, until it is changed", async () => {
    expect(await demoPasswordsInUse(prisma)).toContain("shequ");
    expect(await cachedDemoPasswordsInUse(prisma)).toContain("shequ");
    await actAs("shequ");
    expect(await change("Qingdan@2026", "Maple-Courtyard-17")).toMatchObject({ ok: true });
    // The change forgets the cached answer at once.
    expect(await cachedDemoPasswordsInUse(prisma)).not.toContain("shequ");
    expect(await cachedDemoPasswordsInUse(prisma)).toContain("admin");
  });
});

describe("issue 10 #10: wrong current passwords count toward the lockout and are recorded", () => {
  it("records each wrong current password, locks after five, ends the sessions, and refuses the right one while locked", async () => {
    const u = await createTestUser({ unit: "示例市民政局", roles: ["DEPARTMENT"] });
    const signIn = await authenticate(prisma, { username: u.username, password: "Passw0rd!x" }, { address: "10.10.0.1", userAgent: "vitest" }, DEFAULT_POLICY);
    if (!signIn.ok) throw new Error("sign-in failed");
    await actAs(u.username);
    for (let i = 1; i <= 4; i++) {
      expect(await change(`guess-${i}-Xx`, "Quiet-Harbor-81")).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { currentPassword: "当前密码不正确" } });
      expect((await prisma.user.findUniqueOrThrow({ where: { id: u.id } })).failedLoginCount).toBe(i);
    }
    const failures = await prisma.auditLog.findMany({ where: { action: "account.changePassword.failed", subjectId: String(u.id) } });
    expect(failures).toHaveLength(4);
    expect(failures.every((f) => f.outcome === "FAILED" && f.actorId === u.id && f.address === "127.0.0.1")).toBe(true);
    expect(JSON.stringify(failures.map((f) => f.after))).not.toContain("guess-");

    expect(await change("guess-5-Xx", "Quiet-Harbor-81")).toMatchObject({ ok: false, code: "LOCKED" });
    const locked = await prisma.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(locked.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(await liveSession(prisma, signIn.sessionId, u.id, sessionLimits())).toBeNull();
    expect(await prisma.auditLog.count({ where: { action: "auth.lockout", subjectId: u.username, outcome: "DENIED" } })).toBe(1);
    expect(await change("Passw0rd!x", "Quiet-Harbor-81")).toMatchObject({ ok: false, code: "LOCKED" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: u.id } })).passwordHash).toBe(u.passwordHash);
  });
});

describe("issue 10 #13: refused attempts leave a trace", () => {
  it("records failed sign-ins and lockouts with their outcome and address", async () => {
    const u = await createTestUser({ unit: "示例市民政局", roles: ["DEPARTMENT"] });
    for (let i = 0; i < 5; i++) {
      await authenticate(prisma, { username: u.username, password: `bad-${i}` }, { address: "10.13.0.1", userAgent: "vitest" }, DEFAULT_POLICY);
    }
    const rows = await prisma.auditLog.findMany({ where: { subjectId: u.username }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.action, r.outcome])).toEqual([
      ...Array(5).fill(["auth.signIn.failed", "FAILED"]),
      ["auth.lockout", "DENIED"],
    ]);
    expect(rows.every((r) => r.address === "10.13.0.1" && r.actorId === u.id)).toBe(true);
    expect(JSON.stringify(rows.map((r) => r.after))).not.toContain("bad-");
  });

  it("records a forbidden action attempt with the permission and the ids it named", async () => {
    const target = await createTestUser({ unit: "示例市民政局", roles: ["DEPARTMENT"] });
    const jiedao = (await actAs("jiedao"))!;
    expect(await resetUserPasswordAction({ id: target.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const row = await prisma.auditLog.findFirstOrThrow({ where: { action: "security.denied", actorId: jiedao.id }, orderBy: { id: "desc" } });
    expect(row).toMatchObject({ outcome: "DENIED", subjectType: "permission", subjectId: "user.manage", address: "127.0.0.1", actorName: "陈静" });
    expect(row.after).toEqual({ permission: "user.manage", id: target.id });
  });

  it("records not-found attempts, outside the rolled-back transaction", async () => {
    const admin = (await actAs("admin"))!;
    expect(await resetUserPasswordAction({ id: 2_000_000_000 })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await prisma.auditLog.findFirstOrThrow({ where: { action: "security.notFound", actorId: admin.id }, orderBy: { id: "desc" } })).toMatchObject({
      outcome: "NOT_FOUND",
      after: { permission: "user.manage", id: 2_000_000_000 },
    });

    const unit = await unitId("北门街道办事处");
    const probing = defineAction({
      schema: z.object({ unitId: z.number(), name: z.string(), password: z.string() }),
      permission: "unit.manage",
      subject: async (input, tx) => {
        await tx.orgUnit.update({ where: { id: input.unitId }, data: { name: input.name } });
        return false;
      },
      run: async () => "never",
    });
    const before = await prisma.auditLog.count({ where: { outcome: "SUCCESS" } });
    expect(await probing({ unitId: unit, name: "不应保存", password: "secret-Value-1" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await prisma.orgUnit.findUniqueOrThrow({ where: { id: unit } })).name).toBe("北门街道办事处");
    expect(await prisma.auditLog.count({ where: { outcome: "SUCCESS" } })).toBe(before);
    const event = await prisma.auditLog.findFirstOrThrow({ where: { action: "security.notFound" }, orderBy: { id: "desc" } });
    expect(event.after).toEqual({ permission: "unit.manage", unitId: unit });
  });
});
