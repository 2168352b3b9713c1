import "server-only";
import { prisma } from "@/lib/db/client";
import type { TodoItem } from "@/lib/todo";
import type { SessionUser } from "@/lib/auth/types";
import type { DispatchStatus } from "@/lib/generated/prisma/enums";
import { dueEnd } from "@/lib/admission/state";

const AREA = "双向派单";

async function pending(where: { status: { in: DispatchStatus[] }; streetId?: number; departmentId?: number }, dueField: "acceptDueOn" | "replyDueOn") {
  const agg = await prisma.dispatch.aggregate({ where, _count: { _all: true }, _min: { [dueField]: true } as { acceptDueOn: true } });
  const min = (agg._min as Record<string, Date | null>)[dueField];
  return { n: agg._count._all, due: min ? dueEnd(min) : null };
}

export async function dispatchTodos(user: SessionUser): Promise<TodoItem[]> {
  const todos: TodoItem[] = [];
  if (user.roles.includes("DEPARTMENT")) {
    const a = await pending({ status: { in: ["REPORTED", "ESCALATED"] }, departmentId: user.unitId }, "acceptDueOn");
    if (a.n) todos.push({ area: AREA, title: "街道上报、待本部门接收的案件", href: "/dispatch?status=OPEN", count: a.n, dueAt: a.due });
    const h = await prisma.dispatch.count({ where: { status: "ACCEPTED", departmentId: user.unitId } });
    if (h) todos.push({ area: AREA, title: "已接收、待办结的案件", href: "/dispatch?status=ACCEPTED", count: h });
  }
  if (user.roles.includes("STREET")) {
    const f = await pending({ status: { in: ["FORWARDED"] }, streetId: user.unitId }, "replyDueOn");
    if (f.n) todos.push({ area: AREA, title: "部门转交、待本街道办理回复的投诉", href: "/dispatch?status=FORWARDED", count: f.n, dueAt: f.due });
  }
  return todos;
}

