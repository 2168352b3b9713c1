import "server-only";
import { prisma } from "@/lib/db/client";
import type { TodoItem } from "@/lib/todo";
import type { SessionUser } from "@/lib/auth/types";
import { isBianban } from "./policy";

const AREA = "职权清单";

/** Drafts to submit or fix, stages waiting for the user's unit, lists and adjustments waiting for 编办. */
export async function listTodos(user: SessionUser): Promise<TodoItem[]> {
  const todos: TodoItem[] = [];
  if (user.roles.includes("STREET") || user.roles.includes("COMMUNITY")) {
    const own = await prisma.powerList.findMany({ where: { unitId: user.unitId, status: { in: ["DRAFTING", "RETURNED"] } }, select: { id: true, title: true, status: true } });
    for (const l of own) todos.push({ area: AREA, title: l.status === "RETURNED" ? `「${l.title}」被退回，请修改后重新提交` : `「${l.title}」草案待提交审核`, href: `/lists/manage/${l.id}` });
  }
  // Stages where this unit is a reviewer and has not yet given its opinion in this round.
  const waiting = await prisma.powerList.findMany({
    where: { status: "IN_REVIEW", stages: { some: { status: "ACTIVE", assignees: { some: { unitId: user.unitId } } } } },
    select: { id: true, title: true, reviewRound: true, stages: { where: { status: "ACTIVE" }, select: { id: true, name: true, opinions: { where: { unitId: user.unitId }, select: { round: true } } } } },
  });
  const reviewer = ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "REVIEWER", "STREET", "LEADER"].some((r) => user.roles.includes(r as never));
  if (reviewer) {
    for (const l of waiting) {
      const stage = l.stages[0];
      if (stage && !stage.opinions.some((o) => o.round === l.reviewRound)) {
        todos.push({ area: AREA, title: `审核「${l.title}」（${stage.name}）`, href: `/lists/manage/${l.id}#review` });
      }
    }
  }
  if (isBianban(user)) {
    const approved = await prisma.powerList.count({ where: { status: "APPROVED" } });
    if (approved) todos.push({ area: AREA, title: "审核通过、待印发公布的职权清单", href: "/lists/manage?status=APPROVED", count: approved });
    const adjustments = await prisma.powerListAdjustment.groupBy({ by: ["status"], where: { status: { in: ["REVIEWING", "APPROVED", "FILED"] } }, _count: { _all: true } });
    const n = (s: string) => adjustments.find((a) => a.status === s)?._count._all ?? 0;
    if (n("REVIEWING")) todos.push({ area: "动态调整", title: "待作出决定的调整申请", href: "/lists/adjustments?status=REVIEWING", count: n("REVIEWING") });
    if (n("APPROVED")) todos.push({ area: "动态调整", title: "已同意、待备案的调整申请", href: "/lists/adjustments?status=APPROVED", count: n("APPROVED") });
    if (n("FILED")) todos.push({ area: "动态调整", title: "已备案、待公布新版本的调整", href: "/lists/adjustments?status=FILED", count: n("FILED") });
  }
  if (user.roles.includes("REVIEWER") && user.jointMeetingMember) {
    const pending = await prisma.powerListAdjustment.count({ where: { status: "REVIEWING", opinions: { none: { unitId: user.unitId } } } });
    if (pending) todos.push({ area: "动态调整", title: "待本单位提出意见的调整申请", href: "/lists/adjustments?status=REVIEWING", count: pending });
  }
  return todos;
}

