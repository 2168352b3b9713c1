import { prisma, type Db } from "@/lib/db/client";
import { writeAudit, type Actor, type RequestMeta } from "@/lib/audit/write";
import { dummyPasswordHash, verifyPassword } from "./password";
import { createSession, revokeSession, revokeUserSessions, touchSession } from "./sessions";
import {
  accountAfterFailure,
  accountAfterSuccess,
  addressAfterFailure,
  addressBlockedSeconds,
  isLocked,
  type ThrottlePolicy,
} from "./throttle";

export type SignInOutcome =
  | { ok: true; user: { id: number; sessionVersion: number; mustChangePassword: boolean }; sessionId: string }
  | { ok: false; reason: "INVALID" | "LOCKED" | "RATE_LIMITED"; retryAfterSeconds?: number };

export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

/**
 * Checks a user name and password, applying account lockout and per-address slow-down, and
 * records the attempt in the audit log. An unknown name and a wrong password look the same,
 * including in timing and lockout.
 */
export async function authenticate(
  db: Db,
  input: { username: string; password: string },
  meta: RequestMeta,
  policy: ThrottlePolicy,
  now = new Date(),
): Promise<SignInOutcome> {
  const username = normaliseUsername(input.username);
  const addressKey = `addr:${meta.address ?? "unknown"}`;
  const nameKey = `user:${username}`;

  const addressState = await db.loginThrottle.findUnique({ where: { address: addressKey } });
  const blocked = addressBlockedSeconds(addressState, now);
  if (blocked > 0) {
    await db.$transaction((tx) =>
      writeAudit(tx, null, meta, { action: "auth.signIn.throttled", subjectType: "username", subjectId: username, outcome: "DENIED" }),
    );
    return { ok: false, reason: "RATE_LIMITED", retryAfterSeconds: blocked };
  }

  const user = await db.user.findUnique({
    where: { username },
    select: {
      id: true, displayName: true, roles: true, unitId: true, passwordHash: true, active: true,
      failedLoginCount: true, lockedUntil: true, sessionVersion: true, mustChangePassword: true,
      unit: { select: { name: true, active: true } },
    },
  });
  const nameState = user ? null : await db.loginThrottle.findUnique({ where: { address: nameKey } });
  const account = user
    ? { failedLoginCount: user.failedLoginCount, lockedUntil: user.lockedUntil }
    : { failedLoginCount: nameState?.failures ?? 0, lockedUntil: nameState?.blockedUntil ?? null };
  const actor = user
    ? { id: user.id, displayName: user.displayName, roles: user.roles, unitId: user.unitId, unitName: user.unit.name }
    : null;

  if (isLocked(account, now)) {
    await db.$transaction((tx) =>
      writeAudit(tx, actor, meta, { action: "auth.signIn.locked", subjectType: "username", subjectId: username, outcome: "DENIED" }),
    );
    return { ok: false, reason: "LOCKED" };
  }

  const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()));
  const success = !!user && passwordOk && user.active && user.unit.active;

  if (success) {
    // The address's failure count is left alone: it decays with time only, so one valid account
    // cannot reset it between rounds of password spraying.
    const sessionId = await db.$transaction(async (tx) => {
      await tx.user.update({
        where: { id: user.id },
        data: { ...accountAfterSuccess(), lastLoginAt: now },
      });
      const id = await createSession(tx, user.id, meta, now);
      await writeAudit(tx, actor, meta, { action: "auth.signIn", subjectType: "user", subjectId: user.id });
      return id;
    });
    return {
      ok: true,
      user: { id: user.id, sessionVersion: user.sessionVersion, mustChangePassword: user.mustChangePassword },
      sessionId,
    };
  }

  const nextAccount = accountAfterFailure(account, now, policy);
  const nextAddress = addressAfterFailure(addressState, now, policy);
  await db.$transaction(async (tx) => {
    if (user) {
      await tx.user.update({ where: { id: user.id }, data: nextAccount });
    } else {
      await tx.loginThrottle.upsert({
        where: { address: nameKey },
        create: { address: nameKey, failures: nextAccount.failedLoginCount, blockedUntil: nextAccount.lockedUntil, windowStart: now },
        update: { failures: nextAccount.failedLoginCount, blockedUntil: nextAccount.lockedUntil },
      });
    }
    await tx.loginThrottle.upsert({
      where: { address: addressKey },
      create: { address: addressKey, ...nextAddress },
      update: nextAddress,
    });
    await writeAudit(tx, actor, meta, {
      action: "auth.signIn.failed",
      subjectType: "username",
      subjectId: username,
      after: { failedLoginCount: nextAccount.failedLoginCount, inactive: user ? !user.active : undefined },
      outcome: "FAILED",
    });
    if (nextAccount.lockedUntil) {
      await writeAudit(tx, actor, meta, {
        action: "auth.lockout",
        subjectType: "username",
        subjectId: username,
        after: { failedLoginCount: nextAccount.failedLoginCount, lockedUntil: nextAccount.lockedUntil, via: "signIn" },
        outcome: "DENIED",
      });
    }
  });
  return { ok: false, reason: nextAccount.lockedUntil ? "LOCKED" : "INVALID" };
}

/**
 * A wrong current password when changing one's password counts toward the same lockout as a
 * failed sign-in (someone holding an unattended session must not guess freely). Written in its
 * own transaction because the refused change rolls back. Reaching the lock ends every session.
 */
export async function recordPasswordFailure(
  db: Db,
  actor: NonNullable<Actor>,
  meta: RequestMeta,
  policy: ThrottlePolicy,
  now = new Date(),
): Promise<{ locked: boolean }> {
  return db.$transaction(async (tx) => {
    const account = await tx.user.findUniqueOrThrow({
      where: { id: actor.id },
      select: { username: true, failedLoginCount: true, lockedUntil: true },
    });
    const next = accountAfterFailure(account, now, policy);
    await tx.user.update({ where: { id: actor.id }, data: next });
    await writeAudit(tx, actor, meta, {
      action: "account.changePassword.failed",
      subjectType: "user",
      subjectId: actor.id,
      after: { failedLoginCount: next.failedLoginCount },
      outcome: "FAILED",
    });
    if (next.lockedUntil) {
      await revokeUserSessions(tx, actor.id, "lockout", now);
      await writeAudit(tx, actor, meta, {
        action: "auth.lockout",
        subjectType: "username",
        subjectId: account.username,
        after: { failedLoginCount: next.failedLoginCount, lockedUntil: next.lockedUntil, via: "changePassword" },
        outcome: "DENIED",
      });
    }
    return { locked: next.lockedUntil !== null };
  });
}

/** Sign-out ends the session on the server (a copied cookie stops working) and is recorded. */
export async function recordSignOut(db: Db, userId: number, sessionId: string, meta: RequestMeta, now = new Date()) {
  await db.$transaction(async (tx) => {
    const ended = await revokeSession(tx, sessionId, "signOut", now);
    if (!ended) return;
    const u = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, displayName: true, roles: true, unitId: true, unit: { select: { name: true } } },
    });
    const actor = u ? { id: u.id, displayName: u.displayName, roles: u.roles, unitId: u.unitId, unitName: u.unit.name } : null;
    await writeAudit(tx, actor, meta, { action: "auth.signOut", subjectType: "user", subjectId: userId });
  });
}

/*
 * The same writes on the application's own database, for next-auth's callbacks and the session
 * read (lib/auth/options.ts, lib/auth/session.ts), which therefore never hold the client.
 */
export const signInWithPassword = (input: { username: string; password: string }, meta: RequestMeta, policy: ThrottlePolicy) => authenticate(prisma, input, meta, policy);
export const signOutSession = (userId: number, sessionId: string, meta: RequestMeta) => recordSignOut(prisma, userId, sessionId, meta);
/** A page or action counts as activity (at most one write a minute). */
export const touchCurrentSession = (sessionId: string) => touchSession(prisma, sessionId);
