import type { Role } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/types";

/** A typed list (各类清单), or the unit a new one would be drafted for: the unit it belongs to. */
export type TypedListSubject = { type: "typedList"; unitId: number };

type Who = Pick<SessionUser, "roles" | "unitId">;
const has = (user: Who, ...roles: Role[]) => user.roles.some((r) => roles.includes(r));

/**
 * The subject half of 各类清单: 编办 reads, drafts, reviews and publishes every unit's list (a
 * district 编办 only its district's: the area check in lib/auth/policy.ts); a leader reads them;
 * a street or community reads, drafts and submits its own unit's list only.
 */
export function typedListAllows(user: Who, permission: string, s: TypedListSubject): boolean {
  const bianban = has(user, "BIANBAN_ADMIN", "BIANBAN_STAFF");
  switch (permission) {
    case "typedList.read":
      return bianban || has(user, "LEADER") || (has(user, "STREET", "COMMUNITY") && user.unitId === s.unitId);
    case "typedList.edit":
      return bianban || (has(user, "STREET", "COMMUNITY") && user.unitId === s.unitId);
    case "typedList.review":
    case "typedList.publish":
      return bianban;
    default:
      return false;
  }
}

/** Whether the user reads only its own unit's typed lists (streets and communities). */
export function readsOwnTypedLists(user: Who): boolean {
  return !has(user, "BIANBAN_ADMIN", "BIANBAN_STAFF", "LEADER") && has(user, "STREET", "COMMUNITY");
}
