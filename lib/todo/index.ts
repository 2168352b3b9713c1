import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { TODO_SOURCES } from "./sources";

export type TodoItem = {
  area: string; // e.g. "赋权承接"
  title: string;
  href: string;
  count?: number;
  dueAt?: Date | null;
  /** A notification's own line: opening it marks the notification read. */
  notificationId?: number;
};

export type TodoSource = (user: SessionUser) => Promise<TodoItem[]>;

/** Every area's pending tasks for `user`, soonest deadline first. */
export async function todosFor(user: SessionUser, now = new Date()): Promise<(TodoItem & { overdue: boolean })[]> {
  const lists = await Promise.all(Object.values(TODO_SOURCES).map((source) => source(user)));
  return lists
    .flat()
    .map((t) => ({ ...t, overdue: !!t.dueAt && t.dueAt.getTime() < now.getTime() }))
    .sort((a, b) => (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity));
}
