import { can, mayEnter, type Permission, type Subject } from "./policy";
import type { SessionUser } from "./types";

export type Authorization =
  | { ok: true; user: SessionUser }
  | { ok: false; code: "UNAUTHENTICATED" }
  | { ok: false; code: "PASSWORD_CHANGE_REQUIRED" | "FORBIDDEN"; user: SessionUser };

/**
 * The one preamble of pages (lib/auth/session.ts) and route handlers (lib/route.ts): a session,
 * no pending password change, then `permission` (with a subject: `can`; without one: whether the
 * roles hold it at all, which for a role-only permission is the same). Each caller turns a
 * refusal into its own answer: a sign-in redirect or a recorded 403 page; a 401/403 response.
 */
export function authorizeUser(user: SessionUser | null, permission: Permission | null, options: { subject?: Subject; allowPasswordChange?: boolean } = {}): Authorization {
  if (!user) return { ok: false, code: "UNAUTHENTICATED" };
  if (user.mustChangePassword && !options.allowPasswordChange) return { ok: false, code: "PASSWORD_CHANGE_REQUIRED", user };
  if (permission) {
    const check = can as (user: SessionUser, permission: Permission, subject?: Subject) => boolean;
    const allowed = options.subject ? check(user, permission, options.subject) : mayEnter(user, permission);
    if (!allowed) return { ok: false, code: "FORBIDDEN", user };
  }
  return { ok: true, user };
}
