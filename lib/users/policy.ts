import type { Role } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/types";
import { areaOf, CITY_GRANTED_ROLES } from "@/lib/auth/scope";

/** An account being changed. */
export type UserSubject = { type: "user"; id: number; unitId?: number; roles?: Role[] };

/** The subject half of `user.manage`: an admin cannot lock themselves out by changing their own account. */
export function userAllows(user: Pick<SessionUser, "id" | "area">, permission: string, subject: UserSubject): boolean {
  if (permission !== "user.manage" || subject.id === user.id) return false;
  // A district 编办 does not edit, disable or reset the accounts the city grants (its administrators).
  if (areaOf(user) && (subject.roles ?? []).some((r) => (CITY_GRANTED_ROLES as readonly Role[]).includes(r))) return false;
  return true;
}
