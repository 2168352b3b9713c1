import "server-only";
import { prisma } from "@/lib/db/client";

export type FundingLine = { unit_id: number; unit_name: string; unit_kind: string; parent_name: string | null; department_name: string; duties: number; amount: string };

/** Duties in force at some point of the year, with the funds that follow them (元/年). */
export async function fundingLines(year: number): Promise<FundingLine[]> {
  const start = new Date(Date.UTC(year, 0, 1));
  const end = new Date(Date.UTC(year, 11, 31));
  return prisma.$queryRaw<FundingLine[]>`
    SELECT u.id AS unit_id, u.name AS unit_name, u.kind::text AS unit_kind, p.name AS parent_name, d.department_name,
           count(*)::int AS duties, sum(d.funding_amount)::text AS amount
    FROM local_duty d JOIN org_unit u ON u.id = d.unit_id LEFT JOIN org_unit p ON p.id = u.parent_id
    WHERE d.admission_id IS NOT NULL AND d.admitted_on <= ${end} AND (d.revoked_on IS NULL OR d.revoked_on >= ${start})
    GROUP BY u.id, u.name, u.kind, p.name, d.department_name
    ORDER BY u.name, d.department_name`;
}

export function summarise(lines: FundingLine[]) {
  const byUnit = new Map<number, { name: string; kind: string; parent: string | null; duties: number; amount: number }>();
  const byDept = new Map<string, { duties: number; units: Set<number>; amount: number }>();
  let total = 0;
  for (const l of lines) {
    const amount = Number(l.amount);
    total += amount;
    const u = byUnit.get(l.unit_id) ?? { name: l.unit_name, kind: l.unit_kind, parent: l.parent_name, duties: 0, amount: 0 };
    u.duties += l.duties;
    u.amount += amount;
    byUnit.set(l.unit_id, u);
    const d = byDept.get(l.department_name) ?? { duties: 0, units: new Set<number>(), amount: 0 };
    d.duties += l.duties;
    d.units.add(l.unit_id);
    d.amount += amount;
    byDept.set(l.department_name, d);
  }
  return {
    total,
    units: [...byUnit.entries()].map(([id, u]) => ({ id, ...u })).sort((a, b) => b.amount - a.amount),
    departments: [...byDept.entries()].map(([name, d]) => ({ name, duties: d.duties, units: d.units.size, amount: d.amount })).sort((a, b) => b.amount - a.amount),
  };
}
