import "server-only";
import { prisma } from "@/lib/db/client";
import type { TodoItem } from "@/lib/todo";
import type { SessionUser } from "@/lib/auth/types";
import type { AdmissionStatus } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isBianban } from "./policy";
import { dueEnd } from "./state";

const AREA = "准入";

async function group(where: Prisma.AdmissionWhereInput) {
  const rows = await prisma.admission.groupBy({ by: ["status"], where, _count: { _all: true }, _min: { stageDueOn: true } });
  return new Map(rows.map((r) => [r.status, { n: r._count._all, due: r._min.stageDueOn ? dueEnd(r._min.stageDueOn) : null }]));
}

export async function admissionTodos(user: SessionUser): Promise<TodoItem[]> {
  const todos: TodoItem[] = [];
  const push = (m: Map<AdmissionStatus, { n: number; due: Date | null }>, status: AdmissionStatus, title: string) => {
    const g = m.get(status);
    if (g?.n) todos.push({ area: AREA, title, href: `/admission?status=${status}`, count: g.n, dueAt: g.due });
  };
  if (isBianban(user)) {
    const m = await group({ status: { in: ["SUBMITTED", "DECIDING", "FILING"] } });
    push(m, "SUBMITTED", "待初审的准入申请");
    push(m, "DECIDING", "待作出准入决定的申请");
    push(m, "FILING", "待报市编办备案的准入事项");
  }
  if (user.jointMeetingMember && (user.roles.includes("REVIEWER") || isBianban(user))) {
    const m = await group({ status: "JOINT_REVIEW", opinions: { none: { unitId: user.unitId } } });
    push(m, "JOINT_REVIEW", "待本单位提出联席审查意见的准入申请");
  }
  if (user.roles.includes("DEPARTMENT")) {
    push(await group({ status: "RETURNED", applicantUnitId: user.unitId }), "RETURNED", "被退回修改的准入申请");
  }
  if (user.roles.includes("STREET") || user.roles.includes("COMMUNITY")) {
    push(await group({ status: "CONSULTING", targets: { some: { unitId: user.unitId, response: null } } }), "CONSULTING", "征求本单位意见的准入申请");
    const round = await prisma.reviewRound.findFirst({ where: { status: "OPEN" }, orderBy: { year: "desc" } });
    if (round) {
      const [duties, rated] = await Promise.all([
        prisma.localDuty.count({ where: { unitId: user.unitId, active: true, admissionId: { not: null } } }),
        prisma.reviewRating.count({ where: { roundId: round.id, userId: user.id } }),
      ]);
      if (duties > rated) todos.push({ area: "评议", title: `${round.title}：请评价本单位承接的准入事项`, href: "/review/rate", count: duties - rated, dueAt: dueEnd(round.closesOn) });
    }
  }
  return todos;
}

