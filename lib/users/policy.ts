import type { SessionUser } from "@/lib/auth/types";

/** An account being changed. */
export type UserSubject = { type: "user"; id: number; unitId?: number };

/** The subject half of `user.manage`: an admin cannot lock themselves out by changing their own account. */
export function userAllows(user: Pick<SessionUser, "id">, permission: string, subject: UserSubject): boolean {
  return permission === "user.manage" && subject.id !== user.id;
}
