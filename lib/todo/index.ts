import "server-only";
import type { SessionUser } from "@/lib/auth/types";

export type TodoItem = {
  area: string; // e.g. "赋权承接"
  title: string;
  href: string;
  count?: number;
  dueAt?: Date | null;
};

export type TodoSource = (user: SessionUser) => Promise<TodoItem[]>;

// Each area registers a query that returns the user's pending tasks. Keyed by name so that a
// module evaluated again (hot reload in development) replaces its source instead of adding it twice.
const sources = new Map<string, TodoSource>();

export function registerTodoSource(source: TodoSource, key = source.name) {
  sources.set(key, source);
}

export async function todosFor(user: SessionUser, now = new Date()): Promise<(TodoItem & { overdue: boolean })[]> {
  const lists = await Promise.all([...sources.values()].map((s) => s(user)));
  return lists
    .flat()
    .map((t) => ({ ...t, overdue: !!t.dueAt && t.dueAt.getTime() < now.getTime() }))
    .sort((a, b) => (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity));
}
