import type { Tx } from "@/lib/db/client";

/** Streets and townships; departments (the government itself is not a department to be rated). */
export async function participants(tx: Pick<Tx, "orgUnit">) {
  const units = await tx.orgUnit.findMany({
    where: { active: true, kind: { in: ["STREET", "TOWNSHIP", "DEPARTMENT"] } },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: { id: true, name: true, kind: true, parentId: true },
  });
  return {
    streets: units.filter((u) => u.kind !== "DEPARTMENT"),
    departments: units.filter((u) => u.kind === "DEPARTMENT" && !u.name.endsWith("人民政府")),
  };
}
