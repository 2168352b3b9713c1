import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect, forbidden } from "next/navigation";
import { headers } from "next/headers";
import { authOptions } from "./options";
import { type Permission, type Subject, type SubjectArgs } from "./policy";
import { authorizeUser, type Authorization } from "./authorize";
import { loadSessionUser } from "./queries";
import { touchCurrentSession } from "./commands";
import { requestMeta } from "./request-meta";
import { recordRefusal } from "@/lib/audit/security";
import type { SessionUser } from "./types";

/** The signed-in user, read fresh from the database once per request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  // getServerSession runs the jwt callback, which refuses a revoked, idle or expired session.
  const session = await getServerSession(authOptions);
  if (!session?.uid || !session.sid) return null;
  const user = await loadSessionUser(session.uid, session.sv);
  // A page or action counts as activity (GET /api/auth/session does not).
  if (user) await touchCurrentSession(session.sid);
  return user;
});

async function currentPath(): Promise<string> {
  const h = await headers();
  return h.get("x-qingdan-path") ?? "/workspace";
}

/** Records the refused page as a security event, then answers 403. */
async function refusePage(user: SessionUser, permission: Permission): Promise<never> {
  const [meta, path] = await Promise.all([requestMeta(), currentPath()]);
  await recordRefusal(user, meta, { code: "FORBIDDEN", permission, subjectType: "page", subjectId: path });
  forbidden();
}

/** The one preamble of pages and route handlers (see ./authorize), for the signed-in user. */
export async function authorize(permission: Permission | null, options: { subject?: Subject; allowPasswordChange?: boolean } = {}): Promise<Authorization> {
  return authorizeUser(await getCurrentUser(), permission, options);
}

/** A page's answer to a refusal: sign-in (and back), the password change, or a recorded 403. */
async function pageAuthorization(permission: Permission | null, options: { subject?: Subject; allowPasswordChange?: boolean } = {}): Promise<SessionUser> {
  const result = await authorize(permission, options);
  if (result.ok) return result.user;
  if (result.code === "UNAUTHENTICATED") redirect(`/login?callbackUrl=${encodeURIComponent(await currentPath())}`);
  if (result.code === "PASSWORD_CHANGE_REQUIRED") redirect("/account/password?first=1");
  return refusePage(result.user, permission as Permission);
}

/** For pages: signed-out visitors go to sign-in and come back; must-change-password users go there first. */
export async function requireUser(options: { allowPasswordChange?: boolean } = {}): Promise<SessionUser> {
  return pageAuthorization(null, options);
}

/**
 * For pages about one object: answers 403 unless the user may do `permission` to `subject`.
 * Permissions the table checks against a subject do not compile without one.
 */
export async function requirePermission<P extends Permission>(permission: P, ...subject: SubjectArgs<P>): Promise<SessionUser> {
  // Without a subject (a role-only permission, as the types ensure) `can` is the role check.
  return pageAuthorization(permission, { subject: (subject as [Subject?])[0] });
}

/**
 * For pages that list many objects: answers 403 unless the user's roles hold `permission` at all.
 * What the page then shows must be scoped to the user by its reads (e.g. `listScope`), and each
 * object it links to checks `requirePermission` with that object.
 */
export async function requireEntry(permission: Permission): Promise<SessionUser> {
  return pageAuthorization(permission);
}
