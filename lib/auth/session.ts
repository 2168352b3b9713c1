import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect, forbidden } from "next/navigation";
import { headers } from "next/headers";
import { prisma } from "@/lib/db/client";
import { authOptions } from "./options";
import { can, mayEnter, type Permission, type SubjectArgs } from "./policy";
import { loadSessionUser } from "./queries";
import type { SessionUser } from "./types";

/** The signed-in user, read fresh from the database once per request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.uid) return null;
  return loadSessionUser(prisma, session.uid, session.sv);
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

/**
 * For pages about one object: answers 403 unless the user may do `permission` to `subject`.
 * Permissions the table checks against a subject do not compile without one.
 */
export async function requirePermission<P extends Permission>(permission: P, ...subject: SubjectArgs<P>): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user, permission, ...subject)) forbidden();
  return user;
}

/**
 * For pages that list many objects: answers 403 unless the user's roles hold `permission` at all.
 * What the page then shows must be scoped to the user by its reads (e.g. `listScope`), and each
 * object it links to checks `requirePermission` with that object.
 */
export async function requireEntry(permission: Permission): Promise<SessionUser> {
  const user = await requireUser();
  if (!mayEnter(user, permission)) forbidden();
  return user;
}
