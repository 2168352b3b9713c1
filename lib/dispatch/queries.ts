import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/types";
import { loadCalendarFrom } from "@/lib/calendar/load";
import { OPEN_STATUSES, unitStats } from "./state";
import type { ListFilter } from "./schema";
import { dayStart, dbDate, toDay } from "@/lib/dates";
import type { TodoItem } from "@/lib/todo";
import type { DispatchStatus } from "@/lib/generated/prisma/enums";
import { dueEnd } from "@/lib/admission/state";

export const PAGE_SIZE = 20;

/** 编办 and leaders see every case; a street or department the cases it is a party to. */
export function scopeFor(user: Pick<SessionUser, "roles" | "unitId" | "area">): Prisma.DispatchWhereInput {
  // A district 编办 sees the cases of its district's streets (lib/auth/scope.ts).
  if (user.area) return { streetId: { in: user.area.unitIds } };
  if (user.roles.some((r) => r === "BIANBAN_ADMIN" || r === "BIANBAN_STAFF" || r === "LEADER")) return {};
  const or: Prisma.DispatchWhereInput[] = [];
  if (user.roles.includes("STREET")) or.push({ streetId: user.unitId });
  if (user.roles.includes("DEPARTMENT")) or.push({ departmentId: user.unitId });
  return or.length ? { OR: or } : { id: -1 };
}

export function overdueWhere(now = new Date()): Prisma.DispatchWhereInput {
  const today = dbDate(toDay(now));
  return { OR: [{ status: { in: ["REPORTED", "ESCALATED"] }, acceptDueOn: { lt: today } }, { status: "FORWARDED", replyDueOn: { lt: today } }] };
}

export async function listDispatches(scope: Prisma.DispatchWhereInput, filter: ListFilter) {
  const where: Prisma.DispatchWhereInput = { AND: [scope] };
  if (filter.status === "OPEN") (where.AND as Prisma.DispatchWhereInput[]).push({ status: { in: OPEN_STATUSES } });
  else if (filter.status === "OVERDUE") (where.AND as Prisma.DispatchWhereInput[]).push(overdueWhere());
  else if (filter.status) (where.AND as Prisma.DispatchWhereInput[]).push({ status: filter.status });
  const [rows, total, counts, overdue] = await Promise.all([
    prisma.dispatch.findMany({
      where,
      orderBy: [{ reportedAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true, code: true, direction: true, status: true, title: true, reportedAt: true, reportLate: true, acceptDueOn: true, replyDueOn: true,
        street: { select: { name: true } }, department: { select: { name: true } },
      },
    }),
    prisma.dispatch.count({ where }),
    prisma.dispatch.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
    prisma.dispatch.count({ where: { AND: [scope, overdueWhere()] } }),
  ]);
  return { rows, total, overdue, counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Record<string, number> };
}

export async function getDispatch(id: number) {
  return prisma.dispatch.findUnique({
    where: { id },
    include: {
      street: { select: { name: true } },
      department: { select: { name: true } },
      localDuty: { select: { name: true, dutyType: true } },
      events: { orderBy: [{ at: "asc" }, { id: "asc" }] },
      attachments: { select: { id: true, fileName: true, size: true, uploadedByName: true, createdAt: true }, orderBy: { id: "asc" } },
    },
  });
}

/** Departments a case at `departmentId` may be passed to (the same list as reporting offers, less its own). */
export async function rerouteTargets(departmentId: number) {
  return prisma.orgUnit.findMany({
    where: { kind: "DEPARTMENT", active: true, id: { not: departmentId }, NOT: { name: { endsWith: "人民政府" } } },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}

export async function formOptions(user: SessionUser) {
  const [departments, streets, duties] = await Promise.all([
    prisma.orgUnit.findMany({ where: { kind: "DEPARTMENT", active: true, NOT: { name: { endsWith: "人民政府" } } }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, name: true } }),
    prisma.orgUnit.findMany({ where: { kind: { in: ["STREET", "TOWNSHIP"] }, active: true }, orderBy: [{ parentId: "asc" }, { sortOrder: "asc" }], select: { id: true, name: true } }),
    prisma.localDuty.findMany({ where: { unitId: user.unitId, active: true }, orderBy: { id: "asc" }, select: { id: true, name: true, departmentId: true } }),
  ]);
  // A department forwarding a complaint names the street's duty it falls under (its own duties in the streets' lists).
  const forwardDuties = user.roles.includes("DEPARTMENT")
    ? await prisma.localDuty.findMany({ where: { departmentId: user.unitId, active: true }, orderBy: [{ unitId: "asc" }, { id: "asc" }], select: { id: true, name: true, unitId: true } })
    : [];
  return { departments, streets, duties, forwardDuties };
}

/** A stats period: whole days "YYYY-MM-DD", both included. */
export type StatsPeriod = { from: string; to: string };

/**
 * Each unit's figures over the cases reported in the period. 编办 and leaders see every unit; a
 * department or street only its own (`scopeFor`), whatever it asks for.
 */
export async function statsByUnit(period: StatsPeriod, user: Pick<SessionUser, "roles" | "unitId" | "area">) {
  const from = dayStart(period.from);
  const to = new Date(dayStart(period.to).getTime() + 86_400_000);
  const scope = scopeFor(user);
  const everyone = Object.keys(scope).length === 0 || Boolean(user.area);
  const cases = await prisma.dispatch.findMany({
    where: { AND: [scope, { reportedAt: { gte: from, lt: to } }] },
    select: { streetId: true, departmentId: true, direction: true, status: true, reportedAt: true, reportLate: true, acceptDueOn: true, acceptedAt: true, replyDueOn: true, repliedAt: true, escalatedAt: true, street: { select: { name: true } }, department: { select: { name: true } } },
  });
  const calendar = await loadCalendarFrom(prisma);
  const units = new Map<string, { unitId: number; name: string; side: "STREET" | "DEPARTMENT" }>();
  for (const c of cases) {
    if (everyone || c.streetId === user.unitId) units.set(`S${c.streetId}`, { unitId: c.streetId, name: c.street.name, side: "STREET" });
    if (everyone || c.departmentId === user.unitId) units.set(`D${c.departmentId}`, { unitId: c.departmentId, name: c.department.name, side: "DEPARTMENT" });
  }
  return [...units.values()]
    .map((u) => ({ ...u, ...unitStats(u.side, cases.filter((c) => (u.side === "STREET" ? c.streetId : c.departmentId) === u.unitId), calendar) }))
    .sort((a, b) => (a.side === b.side ? (b.overdueRate ?? 0) - (a.overdueRate ?? 0) : a.side === "DEPARTMENT" ? -1 : 1));
}

export async function attachmentForDownload(id: number) {
  return prisma.dispatchAttachment.findUnique({
    where: { id },
    select: { fileName: true, size: true, bytes: true, dispatch: { select: { streetId: true, departmentId: true, status: true, direction: true } } },
  });
}

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
