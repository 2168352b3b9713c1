import type { Role } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "./types";

/**
 * Every permission the system knows, with the roles that hold it. Area policies refine these
 * with subject checks (which street, which department) in `can`.
 */
export const PERMISSIONS = {
  "workspace.view": ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "REVIEWER", "STREET", "COMMUNITY", "LEADER"],
  "account.changePassword": ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "REVIEWER", "STREET", "COMMUNITY", "LEADER"],
  "user.read": ["BIANBAN_ADMIN"],
  "user.manage": ["BIANBAN_ADMIN"],
  "unit.read": ["BIANBAN_ADMIN", "BIANBAN_STAFF"],
  "unit.manage": ["BIANBAN_ADMIN"],
  "audit.read": ["BIANBAN_ADMIN", "BIANBAN_STAFF"],
  "catalogue.read": ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "REVIEWER", "STREET", "COMMUNITY", "LEADER"],
  "catalogue.readDraft": ["BIANBAN_ADMIN", "BIANBAN_STAFF"],
  "catalogue.edit": ["BIANBAN_ADMIN", "BIANBAN_STAFF"],
  "catalogue.issue": ["BIANBAN_ADMIN", "BIANBAN_STAFF"],
  "catalogue.import": ["BIANBAN_ADMIN", "BIANBAN_STAFF"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export type Subject =
  | { type: "user"; id: number; unitId?: number }
  | { type: "unit"; id: number }
  | { type: "edition"; status: "DRAFT" | "ISSUED" }
  | undefined;

export function hasRole(user: Pick<SessionUser, "roles">, ...roles: Role[]): boolean {
  return user.roles.some((r) => roles.includes(r));
}

/** Pure: may `user` do `permission` to `subject`? The server calls this before every read and write. */
export function can(user: SessionUser | null, permission: Permission, subject?: Subject): boolean {
  if (!user) return false;
  const allowed = PERMISSIONS[permission] as readonly Role[];
  if (!user.roles.some((r) => allowed.includes(r))) return false;
  // Until the password is changed the account may do nothing else.
  if (user.mustChangePassword && permission !== "account.changePassword") return false;

  switch (permission) {
    case "user.manage":
      // An admin cannot lock themselves out by deactivating or demoting their own account.
      return !(subject?.type === "user" && subject.id === user.id);
    case "catalogue.read":
      return subject?.type !== "edition" || subject.status === "ISSUED" || can(user, "catalogue.readDraft");
    case "catalogue.edit":
      return subject?.type !== "edition" || subject.status === "DRAFT";
    default:
      return true;
  }
}
