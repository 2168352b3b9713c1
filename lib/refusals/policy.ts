import type { Role } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/types";

/** A task in a street's or community's register. */
export type TaskSubject = { type: "task"; unitId: number };

type Who = Pick<SessionUser, "roles" | "unitId">;
const has = (user: Who, ...roles: Role[]) => user.roles.some((r) => roles.includes(r));

/** The subject half of 拒绝权: a street or community decides only the tasks in its own register. */
export function refusalAllows(user: Who, permission: string, subject: TaskSubject): boolean {
  if (permission !== "refusal.refuse") return false;
  return has(user, "STREET", "COMMUNITY") && user.unitId === subject.unitId;
}
