import "server-only";
import { prisma } from "@/lib/db/client";
import type { TodoItem } from "@/lib/todo";
import type { SessionUser } from "@/lib/auth/types";
import { dueEnd } from "@/lib/admission/state";
import { isBianban } from "../policy";

export async function evaluationTodos(user: SessionUser): Promise<TodoItem[]> {
  const todos: TodoItem[] = [];
  if (user.roles.includes("STREET") || user.roles.includes("DEPARTMENT")) {
    const sheets = await prisma.evaluationSheet.findMany({
      where: { raterUnitId: user.unitId, status: "DRAFT", round: { status: "OPEN" } },
      select: { extendedTo: true, round: { select: { id: true, title: true, closesOn: true } } },
    });
    for (const s of sheets) todos.push({ area: "双向考评", title: `${s.round.title}：请完成本单位评分`, href: `/evaluation/${s.round.id}/rate`, dueAt: dueEnd(s.extendedTo ?? s.round.closesOn) });
  }
  if (isBianban(user)) {
    // A district 编办 is told of its own district's rounds (the city's are the city 编办's to chase).
    const rounds = await prisma.evaluationRound.findMany({ where: { status: "OPEN", ...(user.area ? { areaUnitId: user.area.districtId } : {}) }, select: { id: true, title: true, closesOn: true, _count: { select: { sheets: { where: { status: "DRAFT", ...(user.area ? { raterUnitId: { in: user.area.unitIds } } : {}) } } } } } });
    for (const r of rounds) if (r._count.sheets) todos.push({ area: "双向考评", title: `${r.title}：尚有单位未提交评分`, href: `/evaluation/${r.id}`, count: r._count.sheets, dueAt: dueEnd(r.closesOn) });
  }
  return todos;
}

