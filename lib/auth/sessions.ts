import crypto from "node:crypto";
import type { Db, Tx } from "@/lib/db/client";
import type { RequestMeta } from "@/lib/audit/write";

// Server-side sessions: the JWT cookie carries a session id, and every request checks the row,
// so signing out, a password change or a deactivation ends the session even for a copied cookie.

export type SessionLimits = {
  /** Absolute lifetime counted from sign-in; using the session does not extend it. */
  maxAgeMinutes: number;
  /** Ends a session not used for this long. */
  idleMinutes: number;
};

/** Last-seen is written at most this often, so reading a session stays a single indexed read. */
export const TOUCH_INTERVAL_MS = 60_000;

export type SessionRow = { id: string; userId: number; createdAt: Date; lastSeenAt: Date; revokedAt: Date | null };

export type SessionEnd = "REVOKED" | "IDLE" | "EXPIRED" | "MISSING";

/** Why a session row no longer signs anyone in, or null while it is live. */
export function sessionEnded(row: SessionRow | null, now: Date, limits: SessionLimits): SessionEnd | null {
  if (!row) return "MISSING";
  if (row.revokedAt) return "REVOKED";
  if (now.getTime() - row.createdAt.getTime() >= limits.maxAgeMinutes * 60_000) return "EXPIRED";
  if (now.getTime() - row.lastSeenAt.getTime() >= limits.idleMinutes * 60_000) return "IDLE";
  return null;
}

export function newSessionId(): string {
  return crypto.randomBytes(32).toString("base64url");
}

export async function createSession(tx: Tx, userId: number, meta: RequestMeta, now = new Date()): Promise<string> {
  const id = newSessionId();
  await tx.authSession.create({
    data: {
      id,
      userId,
      createdAt: now,
      lastSeenAt: now,
      address: meta.address?.slice(0, 100) ?? null,
      userAgent: meta.userAgent?.slice(0, 500) ?? null,
    },
  });
  return id;
}

const rowSelect = { id: true, userId: true, createdAt: true, lastSeenAt: true, revokedAt: true } as const;

/** The live session with this id (and user), or null. Does not count as activity. */
export async function liveSession(
  db: Db,
  id: string | undefined,
  userId: number | undefined,
  limits: SessionLimits,
  now = new Date(),
): Promise<SessionRow | null> {
  if (!id || !userId) return null;
  const row = await db.authSession.findUnique({ where: { id }, select: rowSelect });
  if (!row || row.userId !== userId || sessionEnded(row, now, limits)) return null;
  return row;
}

/**
 * Records use of a live session, which keeps it from idling out. The write happens at most once
 * per TOUCH_INTERVAL_MS; otherwise the statement matches no row and writes nothing.
 */
export async function touchSession(db: Db | Tx, id: string, now = new Date()): Promise<void> {
  await db.authSession.updateMany({
    where: { id, revokedAt: null, lastSeenAt: { lt: new Date(now.getTime() - TOUCH_INTERVAL_MS) } },
    data: { lastSeenAt: now },
  });
}

export async function revokeSession(db: Db | Tx, id: string, reason: string, now = new Date()) {
  const r = await db.authSession.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now, revokeReason: reason } });
  return r.count > 0;
}

/** Ends every session of a user (password change or reset, deactivation, lockout). */
export async function revokeUserSessions(db: Db | Tx, userId: number, reason: string, now = new Date()) {
  await db.authSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now, revokeReason: reason } });
}
