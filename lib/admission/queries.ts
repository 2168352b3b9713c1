import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AdmissionStatus } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/types";
import type { TodoItem } from "@/lib/todo";
import { dbDate, today } from "@/lib/dates";
import { isBianban } from "./policy";
import { jointMembers } from "./commands";
import { listAdmissions } from "./queue";
import { dueEnd, OPEN_STATUSES } from "./state";
import { readAdmissionSettings } from "./settings";
import type { QueueFilter } from "./schema";

export { PAGE_SIZE } from "./queue";

/** What a user may see: 编办, reviewers and leaders everything; others their own part. */
export function scopeFor(user: Pick<SessionUser, "roles" | "unitId" | "jointMeetingMember" | "area">): Prisma.AdmissionWhereInput {
  // A district 编办 sees the applications of its district's units, or aimed at them (lib/auth/scope.ts).
  if (user.area) return areaAdmissions(user.area.unitIds);
  if (isBianban(user) || user.roles.includes("REVIEWER") || user.roles.includes("LEADER")) return {};
  if (user.roles.includes("DEPARTMENT")) return { applicantUnitId: user.unitId };
  if (user.roles.includes("STREET") || user.roles.includes("COMMUNITY")) return { targets: { some: { unitId: user.unitId } } };
  return { id: -1 };
}

/** Applications made by or aimed at units of a district. */
export function areaAdmissions(unitIds: number[]): Prisma.AdmissionWhereInput {
  return { OR: [{ applicantUnitId: { in: unitIds } }, { targets: { some: { unitId: { in: unitIds } } } }] };
}

/** The queue page: one page of the user's admissions, the count of each status, and of overdue ones. */
export async function admissionQueue(user: Pick<SessionUser, "roles" | "unitId" | "jointMeetingMember" | "area">, filter: QueueFilter) {
  const scope = scopeFor(user);
  const [page, overdue] = await Promise.all([
    listAdmissions(prisma, scope, filter),
    prisma.admission.count({ where: { AND: [scope, { status: { in: OPEN_STATUSES }, stageDueOn: { lt: dbDate(today()) } }] } }),
  ]);
  return { ...page, overdue };
}

/** The name 编办's documents are issued under (the first active 编办 unit). */
export async function issuerName() {
  const unit = await prisma.orgUnit.findFirst({ where: { kind: "BIANBAN", active: true }, orderBy: { id: "asc" }, select: { name: true } });
  return unit?.name ?? "机构编制委员会办公室";
}

/** 准入 and 评议 settings (备案机关, the appraisal's exclusion rule). */
export async function admissionSettings() {
  return readAdmissionSettings(prisma);
}

export async function getAdmission(id: number) {
  const a = await prisma.admission.findUnique({
    where: { id },
    include: {
      targets: { orderBy: { unitName: "asc" } },
      steps: { orderBy: [{ startedAt: "asc" }, { id: "asc" }] },
      opinions: { orderBy: { createdAt: "asc" } },
      attachments: { orderBy: { id: "asc" }, select: { id: true, fileName: true, size: true, mime: true, uploadedByName: true, createdAt: true } },
    },
  });
  if (!a) return null;
  const members = await jointMembers(prisma);
  return { ...a, members };
}

export async function targetCandidates(level: "STREET" | "COMMUNITY" | "ALL" = "ALL") {
  const kinds = level === "STREET" ? ["STREET", "TOWNSHIP"] : level === "COMMUNITY" ? ["COMMUNITY"] : ["STREET", "TOWNSHIP", "COMMUNITY"];
  const units = await prisma.orgUnit.findMany({
    where: { active: true, kind: { in: kinds as ("STREET" | "TOWNSHIP" | "COMMUNITY")[] } },
    orderBy: [{ parentId: "asc" }, { sortOrder: "asc" }],
    select: { id: true, name: true, kind: true, parentId: true, parent: { select: { name: true } } },
  });
  return units.map((u) => ({ id: u.id, name: u.name, level: u.kind === "COMMUNITY" ? ("COMMUNITY" as const) : ("STREET" as const), group: u.parent?.name ?? "" }));
}

export async function attachmentForDownload(id: number) {
  return prisma.admissionAttachment.findUnique({
    where: { id },
    select: { id: true, fileName: true, mime: true, size: true, bytes: true, admission: { select: { id: true, applicantUnitId: true, status: true, targets: { select: { unitId: true } } } } },
  });
}

/* ------------------------------------------------------------------ 工作台 */

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
    const m = await group({ status: { in: ["SUBMITTED", "DECIDING", "FILING"] }, ...(user.area ? areaAdmissions(user.area.unitIds) : {}) });
    push(m, "SUBMITTED", "待初审的准入申请");
    push(m, "DECIDING", "待作出准入决定的申请");
    push(m, "FILING", "待报备案的准入事项");
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
  }
  return todos;
}
