import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect, forbidden } from "next/navigation";
import { headers } from "next/headers";
import { prisma } from "@/lib/db/client";
import { authOptions } from "./options";
import { can, type Permission, type Subject } from "./policy";
import { loadSessionUser } from "./queries";
import { touchSession } from "./sessions";
import { requestMeta } from "./request-meta";
import { recordRefusal } from "@/lib/audit/security";
import type { SessionUser } from "./types";

/** The signed-in user, read fresh from the database once per request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  // getServerSession runs the jwt callback, which refuses a revoked, idle or expired session.
  const session = await getServerSession(authOptions);
  if (!session?.uid || !session.sid) return null;
  const user = await loadSessionUser(prisma, session.uid, session.sv);
  // A page or action counts as activity (GET /api/auth/session does not).
  if (user) await touchSession(prisma, session.sid);
  return user;
});

async function currentPath(): Promise<string> {
  const h = await headers();
  return h.get("x-qingdan-path") ?? "/workspace";
}

/** For pages: signed-out visitors go to sign-in and come back; must-change-password users go there first. */
export async function requireUser(options: { allowPasswordChange?: boolean } = {}): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(await currentPath())}`);
  if (user.mustChangePassword && !options.allowPasswordChange) redirect("/account/password?first=1");
  return user;
}

/** For pages: answers 403 when the user may not. */
export async function requirePermission(permission: Permission, subject?: Subject): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user, permission, subject)) {
    const [meta, path] = await Promise.all([requestMeta(), currentPath()]);
    await recordRefusal(user, meta, { code: "FORBIDDEN", permission, subjectType: "page", subjectId: path });
    forbidden();
  }
  return user;
}
