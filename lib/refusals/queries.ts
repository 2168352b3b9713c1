import "server-only";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/types";
import type { RegisterFilter } from "./schema";

/** The register a user may read: a street or community its own, a department the tasks it handed down, 编办 and leaders all. */
export function registerScope(user: Pick<SessionUser, "roles" | "unitId" | "area">): Prisma.TaskRegisterEntryWhereInput {
  // A district 编办 reads the registers of its own district's streets and communities (lib/auth/scope.ts).
  if (user.area) return { unitId: { in: user.area.unitIds } };
  if (user.roles.some((r) => r === "BIANBAN_ADMIN" || r === "BIANBAN_STAFF" || r === "LEADER")) return {};
  if (user.roles.includes("STREET") || user.roles.includes("COMMUNITY")) return { unitId: user.unitId };
  if (user.roles.includes("DEPARTMENT")) return { departmentId: user.unitId };
  return { id: -1 };
}

export const REGISTER_LIMIT = 2000;

/** The register as the filter selects it (unit, department, year received, outcome), newest first. */
export async function registerEntries(user: Pick<SessionUser, "roles" | "unitId" | "area">, filter: RegisterFilter, take = 500) {
  const where: Prisma.TaskRegisterEntryWhereInput = { AND: [registerScope(user), filterWhere(filter)] };
  const [rows, total] = await Promise.all([
    prisma.taskRegisterEntry.findMany({
      where,
      orderBy: [{ receivedOn: "desc" }, { id: "desc" }],
      take,
      select: {
        id: true, title: true, departmentName: true, receivedOn: true, checkResult: true, matchedDutyName: true, status: true,
        refusalReason: true, decidedAt: true, decidedByName: true, createdByName: true, unit: { select: { name: true } },
      },
    }),
    prisma.taskRegisterEntry.count({ where }),
  ]);
  return { rows, total };
}

function filterWhere(f: RegisterFilter): Prisma.TaskRegisterEntryWhereInput {
  return {
    ...(f.task ? { id: f.task } : {}),
    ...(f.unitId ? { unitId: f.unitId } : {}),
    ...(f.departmentId ? { departmentId: f.departmentId } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.year ? { receivedOn: { gte: new Date(Date.UTC(f.year, 0, 1)), lt: new Date(Date.UTC(f.year + 1, 0, 1)) } } : {}),
  };
}

/** The choices of the register's filter: units and departments that appear in it, and its years. */
export async function registerFilterOptions(user: Pick<SessionUser, "roles" | "unitId" | "area">) {
  const scope = registerScope(user);
  const [units, departments, years] = await Promise.all([
    prisma.orgUnit.findMany({ where: { registeredTasks: { some: scope } }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, name: true } }),
    prisma.orgUnit.findMany({ where: { pushedTasks: { some: scope } }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, name: true } }),
    prisma.taskRegisterEntry.findMany({ where: scope, select: { receivedOn: true }, distinct: ["receivedOn"] }),
  ]);
  const yearSet = [...new Set(years.map((y) => y.receivedOn.getUTCFullYear()))].sort((a, b) => b - a);
  return { units, departments, years: yearSet };
}

export async function unitRegister(unitId: number) {
  return prisma.taskRegisterEntry.findMany({ where: { unitId }, orderBy: { id: "desc" }, take: 200 });
}

/** Departments that handed down tasks that were not admitted, most first. */
export async function departmentsPushingUnadmitted(unitIds?: number[]) {
  const inArea = unitIds ? (unitIds.length ? Prisma.sql`AND unit_id IN (${Prisma.join(unitIds)})` : Prisma.sql`AND FALSE`) : Prisma.empty;
  return prisma.$queryRaw<{ department_name: string; tasks: number; refused: number }[]>`
    SELECT department_name, count(*)::int AS tasks, count(*) FILTER (WHERE status = 'REFUSED')::int AS refused
    FROM task_register_entry WHERE check_result = 'NOT_ADMITTED' ${inArea}
    GROUP BY department_name ORDER BY tasks DESC, department_name LIMIT 50`;
}

export async function departmentOptions() {
  return prisma.orgUnit.findMany({ where: { kind: "DEPARTMENT", active: true }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, name: true } });
}
