import type { Tx } from "@/lib/db/client";

/** The ids of a unit and every unit beneath it (a district's streets, townships and departments). */
export async function subtreeIds(tx: Pick<Tx, "$queryRaw">, unitId: number): Promise<number[]> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    WITH RECURSIVE down (id) AS (
      SELECT ${unitId}::int
      UNION
      SELECT u.id FROM org_unit u JOIN down ON u.parent_id = down.id
    )
    SELECT id FROM down`;
  return rows.map((r) => r.id);
}

/**
 * Streets and townships; departments (the government itself is not a department to be rated). A
 * district's round (`areaUnitId`) takes only the district's own streets and departments.
 */
export async function participants(tx: Pick<Tx, "orgUnit" | "$queryRaw">, areaUnitId: number | null = null) {
  const area = areaUnitId == null ? {} : { id: { in: await subtreeIds(tx, areaUnitId) } };
  const units = await tx.orgUnit.findMany({
    where: { active: true, kind: { in: ["STREET", "TOWNSHIP", "DEPARTMENT"] }, ...area },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: { id: true, name: true, kind: true, parentId: true },
  });
  return {
    streets: units.filter((u) => u.kind !== "DEPARTMENT"),
    departments: units.filter((u) => u.kind === "DEPARTMENT" && !u.name.endsWith("人民政府")),
  };
}
