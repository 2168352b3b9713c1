import { describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { authenticate } from "@/lib/auth/commands";
import { DEFAULT_POLICY } from "@/lib/auth/throttle";
import { liveSession, touchSession, TOUCH_INTERVAL_MS } from "@/lib/auth/sessions";
import { sessionLimits } from "@/lib/auth/limits";
import { changePasswordAction } from "@/lib/account/actions";
import { resetUserPasswordAction, setUserActiveAction } from "@/lib/users/actions";
import { actAs, createTestUser, prisma } from "./helpers";

const meta = (address: string) => ({ address, userAgent: "vitest" });
type Authorize = (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<{ id: string; sessionId: string }>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
const jwt = (token: { uid?: number; sv?: number; sid?: string }) =>
  authOptions.callbacks!.jwt!({ token, account: null, user: undefined as never, trigger: undefined } as never);


async function signedIn(username: string, password = "Passw0rd!x") {
  const r = await authenticate(prisma, { username, password }, meta("10.20.0.1"), DEFAULT_POLICY);
  if (!r.ok) throw new Error(`cannot sign in ${username}: ${r.reason}`);
  return { uid: r.user.id, sv: r.user.sessionVersion, sid: r.sessionId };
}

describe("issue 10 #2: the client cannot choose its address", () => {
  it("records the socket's peer, not a spoofed X-Forwarded-For, and the throttle holds whatever the header says", async () => {
    const peer = "10.77.0.1";
    const headers = (i: number) => ({ "x-qingdan-peer": peer, "x-forwarded-for": `198.51.100.${i}`, "user-agent": "spoofer" });
    // Every attempt claims another address; the slow-down (after 20 failures) still comes.
    let refusedFor = "";
    for (let i = 0; i < 40 && !refusedFor.startsWith("RATE_LIMITED"); i++) {
      refusedFor = await authorize({ username: `nobody${i}`, password: "bad" }, { headers: headers(i) }).then(
        () => "SIGNED_IN",
        (e: Error) => e.message,
      );
    }
    expect(refusedFor).toMatch(/^RATE_LIMITED/);
    const rows = await prisma.auditLog.findMany({ where: { action: { startsWith: "auth.signIn." }, userAgent: "spoofer" } });
    expect(rows.length).toBeGreaterThanOrEqual(20);
    expect(new Set(rows.map((r) => r.address))).toEqual(new Set([peer]));
    expect(await prisma.loginThrottle.count({ where: { address: { startsWith: "addr:198.51.100." } } })).toBe(0);
  });
});

describe("issue 10 #3: a success does not reset the address counter", () => {
  it("keeps counting failures from an address across a successful sign-in", async () => {
    const policy = { ...DEFAULT_POLICY, maxAddressFailures: 3, maxAccountFailures: 100 };
    const address = "10.33.0.1";
    await authenticate(prisma, { username: "spray-a", password: "bad" }, meta(address), policy);
    await authenticate(prisma, { username: "spray-b", password: "bad" }, meta(address), policy);
    expect((await authenticate(prisma, { username: "lingdao", password: "Qingdan@2026" }, meta(address), policy)).ok).toBe(true);
    expect(await prisma.loginThrottle.findUnique({ where: { address: `addr:${address}` } })).toMatchObject({ failures: 2 });
    await authenticate(prisma, { username: "spray-c", password: "bad" }, meta(address), policy);
    // Three failures in the window: the address is now slowed down.
    expect(await prisma.loginThrottle.findUnique({ where: { address: `addr:${address}` } })).toMatchObject({ failures: 3, blockedUntil: expect.any(Date) });
  });
});

describe("issue 10 #4: sessions end on the server", () => {
  it("a copied session stops working after sign-out, and the sign-out is recorded", async () => {
    const u = await createTestUser({ unit: "示例市民政局", roles: ["DEPARTMENT"] });
    const token = await signedIn(u.username);
    await expect(jwt(token)).resolves.toMatchObject({ sid: token.sid });
    await authOptions.events!.signOut!({ token, session: null as never });
    await expect(jwt(token)).rejects.toThrow("SESSION_ENDED");
    expect(await prisma.auditLog.count({ where: { action: "auth.signOut", subjectId: String(u.id), actorId: u.id } })).toBe(1);
    // A second sign-in is a new session; the old one stays ended.
    const again = await signedIn(u.username);
    expect(again.sid).not.toBe(token.sid);
    await expect(jwt(again)).resolves.toBeTruthy();
    await expect(jwt(token)).rejects.toThrow("SESSION_ENDED");
  });

  it("reading the session does not extend it: the absolute lifetime counts from sign-in", async () => {
    const u = await createTestUser({ unit: "示例市民政局", roles: ["DEPARTMENT"] });
    const token = await signedIn(u.username);
    const eightHoursAgo = new Date(Date.now() - sessionLimits().maxAgeMinutes * 60_000 - 1000);
    await prisma.authSession.update({ where: { id: token.sid }, data: { createdAt: eightHoursAgo, lastSeenAt: new Date() } });
    await expect(jwt(token)).rejects.toThrow("SESSION_ENDED");
  });

  it("ends a session idle for the idle timeout; GET /api/auth/session does not count as activity", async () => {
    const u = await createTestUser({ unit: "示例市民政局", roles: ["DEPARTMENT"] });
    const token = await signedIn(u.username);
    const lastSeen = new Date(Date.now() - 10 * 60_000);
    await prisma.authSession.update({ where: { id: token.sid }, data: { lastSeenAt: lastSeen } });
    for (let i = 0; i < 3; i++) await jwt(token);
    expect((await prisma.authSession.findUniqueOrThrow({ where: { id: token.sid } })).lastSeenAt).toEqual(lastSeen);
    // A page or action touches it (at most once a minute).
    await touchSession(prisma, token.sid);
    const touched = (await prisma.authSession.findUniqueOrThrow({ where: { id: token.sid } })).lastSeenAt;
    expect(touched.getTime()).toBeGreaterThan(lastSeen.getTime());
    await touchSession(prisma, token.sid, new Date(touched.getTime() + TOUCH_INTERVAL_MS / 2));
    expect((await prisma.authSession.findUniqueOrThrow({ where: { id: token.sid } })).lastSeenAt).toEqual(touched);

    await prisma.authSession.update({ where: { id: token.sid }, data: { lastSeenAt: new Date(Date.now() - sessionLimits().idleMinutes * 60_000 - 1000) } });
    await expect(jwt(token)).rejects.toThrow("SESSION_ENDED");
  });

  it("a password change, a reset and a deactivation end all of the user's sessions", async () => {
    const u = await createTestUser({ unit: "示例市民政局", roles: ["DEPARTMENT"] });
    const a = await signedIn(u.username);
    const b = await signedIn(u.username);
    await actAs(u.username);
    expect(await changePasswordAction({ currentPassword: "Passw0rd!x", newPassword: "Sturdy-Lantern-42", confirmPassword: "Sturdy-Lantern-42" })).toMatchObject({ ok: true });
    expect(await liveSession(prisma, a.sid, u.id, sessionLimits())).toBeNull();
    expect(await liveSession(prisma, b.sid, u.id, sessionLimits())).toBeNull();

    const c = await signedIn(u.username, "Sturdy-Lantern-42");
    await actAs("admin");
    expect(await resetUserPasswordAction({ id: u.id })).toMatchObject({ ok: true });
    expect(await liveSession(prisma, c.sid, u.id, sessionLimits())).toBeNull();

    await prisma.user.update({ where: { id: u.id }, data: { passwordHash: (await prisma.user.findUniqueOrThrow({ where: { username: "lingdao" } })).passwordHash } });
    const d = await signedIn(u.username, "Qingdan@2026");
    expect(await setUserActiveAction({ id: u.id, active: false })).toMatchObject({ ok: true });
    expect(await liveSession(prisma, d.sid, u.id, sessionLimits())).toBeNull();
    const reasons = await prisma.authSession.findMany({ where: { userId: u.id }, orderBy: { createdAt: "asc" }, select: { revokeReason: true } });
    expect(reasons.map((r) => r.revokeReason)).toEqual(["passwordChange", "passwordChange", "passwordReset", "deactivated"]);
  });
});

describe("issue 10 #5: next-auth redirects stay on this site", () => {
  it("sends anything but a same-origin path to 工作台", async () => {
    const redirect = (url: string) => authOptions.callbacks!.redirect!({ url, baseUrl: "http://qingdan.test" });
    expect(await redirect("/login?signedOut=1")).toBe("http://qingdan.test/login?signedOut=1");
    expect(await redirect("http://qingdan.test/admin/users")).toBe("http://qingdan.test/admin/users");
    expect(await redirect("/\t/example.org/phish")).toBe("http://qingdan.test/workspace");
    expect(await redirect("http://qingdan.test.example.org/")).toBe("http://qingdan.test/workspace");
    expect(await redirect("https://example.org/")).toBe("http://qingdan.test/workspace");
  });
});
