import type { DispatchStatus, Role } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/types";

export type DispatchSubject = { type: "dispatch"; streetId: number; departmentId: number; status: DispatchStatus; direction: "UP" | "DOWN" };

type Who = Pick<SessionUser, "roles" | "unitId">;
const has = (user: Who, ...roles: Role[]) => user.roles.some((r) => roles.includes(r));
const isBianban = (user: Who) => has(user, "BIANBAN_ADMIN", "BIANBAN_STAFF");
const street = (user: Who, s: DispatchSubject) => has(user, "STREET") && user.unitId === s.streetId;
const dept = (user: Who, s: DispatchSubject) => has(user, "DEPARTMENT") && user.unitId === s.departmentId;

/** The subject half of dispatch permissions: which side of which case, in which state. */
export function dispatchAllows(user: Who, permission: string, s: DispatchSubject): boolean {
  switch (permission) {
    case "dispatch.read":
      return isBianban(user) || has(user, "LEADER") || street(user, s) || dept(user, s);
    case "dispatch.accept":
      return dept(user, s) && (s.status === "REPORTED" || s.status === "ESCALATED");
    case "dispatch.reroute":
      // Only while it waits for this department's acceptance: then it can still go to the right one.
      return dept(user, s) && (s.status === "REPORTED" || s.status === "ESCALATED");
    case "dispatch.handle":
      return dept(user, s) && s.status === "ACCEPTED";
    case "dispatch.reply":
    case "dispatch.escalate":
      return street(user, s) && s.status === "FORWARDED";
    default:
      return false;
  }
}
