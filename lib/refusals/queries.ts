import "server-only";
import { prisma } from "@/lib/db/client";

export async function unitRegister(unitId: number) {
  return prisma.taskRegisterEntry.findMany({ where: { unitId }, orderBy: { id: "desc" }, take: 200 });
}

export async function allRefusals(take = 100) {
  return prisma.taskRegisterEntry.findMany({
    where: { status: "REFUSED" },
    orderBy: { decidedAt: "desc" },
    take,
    select: { id: true, title: true, departmentName: true, refusalReason: true, decidedAt: true, decidedByName: true, unit: { select: { name: true } } },
  });
}

/** Departments that handed down tasks that were not admitted, most first. */
export async function departmentsPushingUnadmitted() {
  return prisma.$queryRaw<{ department_name: string; tasks: number; refused: number }[]>`
    SELECT department_name, count(*)::int AS tasks, count(*) FILTER (WHERE status = 'REFUSED')::int AS refused
    FROM task_register_entry WHERE check_result = 'NOT_ADMITTED'
    GROUP BY department_name ORDER BY tasks DESC, department_name LIMIT 50`;
}

export async function departmentOptions() {
  return prisma.orgUnit.findMany({ where: { kind: "DEPARTMENT", active: true }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, name: true } });
}
