import { describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/commands";
import { DEFAULT_POLICY } from "@/lib/auth/throttle";
import { loadSessionUser } from "@/lib/auth/queries";
import { createTestUser, prisma } from "./helpers";

const meta = (address = "10.0.0.1") => ({ address, userAgent: "vitest" });


describe("sign-in", () => {
  it("signs in a demo account and records it", async () => {
    const before = await prisma.auditLog.count({ where: { action: "auth.signIn" } });
    const r = await authenticate(prisma, { username: "Admin", password: "Qingdan@2026" }, meta(), DEFAULT_POLICY);
    expect(r.ok).toBe(true);
    expect(await prisma.auditLog.count({ where: { action: "auth.signIn" } })).toBe(before + 1);
    const row = await prisma.auditLog.findFirstOrThrow({ where: { action: "auth.signIn" }, orderBy: { id: "desc" } });
    expect(row).toMatchObject({ actorName: "王建国", unitName: "示例市委编办", actorRoles: "BIANBAN_ADMIN", address: "10.0.0.1", userAgent: "vitest" });
  });

  it("gives the same answer for an unknown user and a wrong password, and audits both", async () => {
    const unknown = await authenticate(prisma, { username: "nobody", password: "x" }, meta("10.0.0.2"), DEFAULT_POLICY);
    const wrong = await authenticate(prisma, { username: "bianban", password: "wrong" }, meta("10.0.0.2"), DEFAULT_POLICY);
    expect(unknown).toEqual({ ok: false, reason: "INVALID" });
    expect(wrong).toEqual({ ok: false, reason: "INVALID" });
    const failures = await prisma.auditLog.findMany({ where: { action: "auth.signIn.failed", address: "10.0.0.2" } });
    expect(failures.map((f) => f.subjectId).sort()).toEqual(["bianban", "nobody"]);
  });

  it("locks an account after five failures, refuses the right password while locked, and an unlock lifts it", async () => {
    const u = await createTestUser({ unit: "示例市民政局", roles: ["DEPARTMENT"], password: "Right1pass" });
    for (let i = 0; i < 4; i++) {
      expect((await authenticate(prisma, { username: u.username, password: "bad" }, meta("10.0.1.1"), DEFAULT_POLICY)).ok).toBe(false);
    }
    const fifth = await authenticate(prisma, { username: u.username, password: "bad" }, meta("10.0.1.1"), DEFAULT_POLICY);
    expect(fifth).toEqual({ ok: false, reason: "LOCKED" });
    const locked = await prisma.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(locked.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(await authenticate(prisma, { username: u.username, password: "Right1pass" }, meta("10.0.1.2"), DEFAULT_POLICY)).toEqual({ ok: false, reason: "LOCKED" });
    await prisma.user.update({ where: { id: u.id }, data: { lockedUntil: null, failedLoginCount: 0 } });
    expect((await authenticate(prisma, { username: u.username, password: "Right1pass" }, meta("10.0.1.2"), DEFAULT_POLICY)).ok).toBe(true);
  });

  it("locks unknown user names too, so a lock does not reveal which accounts exist", async () => {
    for (let i = 0; i < 5; i++) await authenticate(prisma, { username: "ghost", password: "bad" }, meta("10.0.2.1"), DEFAULT_POLICY);
    expect(await authenticate(prisma, { username: "ghost", password: "bad" }, meta("10.0.2.2"), DEFAULT_POLICY)).toEqual({ ok: false, reason: "LOCKED" });
  });

  it("slows an address down after many failures, even for correct passwords", async () => {
    const policy = { ...DEFAULT_POLICY, maxAddressFailures: 3, maxAccountFailures: 100 };
    for (let i = 0; i < 3; i++) await authenticate(prisma, { username: `spray${i}`, password: "bad" }, meta("10.9.9.9"), policy);
    const r = await authenticate(prisma, { username: "bianban", password: "Qingdan@2026" }, meta("10.9.9.9"), policy);
    expect(r).toMatchObject({ ok: false, reason: "RATE_LIMITED" });
    expect(await prisma.auditLog.count({ where: { action: "auth.signIn.throttled", address: "10.9.9.9" } })).toBe(1);
    // Another address is unaffected.
    expect((await authenticate(prisma, { username: "bianban", password: "Qingdan@2026" }, meta("10.9.9.8"), policy)).ok).toBe(true);
  });

  it("refuses a deactivated account with the usual message and ends its sessions", async () => {
    const u = await createTestUser({ unit: "示例市民政局", roles: ["DEPARTMENT"], password: "Right1pass" });
    expect(await loadSessionUser(u.id, 0)).not.toBeNull();
    await prisma.user.update({ where: { id: u.id }, data: { active: false, sessionVersion: { increment: 1 } } });
    expect(await authenticate(prisma, { username: u.username, password: "Right1pass" }, meta("10.0.3.1"), DEFAULT_POLICY)).toEqual({ ok: false, reason: "INVALID" });
    expect(await loadSessionUser(u.id, 0)).toBeNull();
    expect(await loadSessionUser(u.id, 1)).toBeNull();
  });
});
