import "server-only";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

/** `AND d.unit_id IN (…)` for a district 编办's area (lib/auth/scope.ts); nothing for the whole city. */
function unitsIn(unitIds?: number[]): Prisma.Sql {
  if (!unitIds) return Prisma.empty;
  return unitIds.length ? Prisma.sql`AND d.unit_id IN (${Prisma.join(unitIds)})` : Prisma.sql`AND FALSE`;
}
import { dayOfDbDate } from "@/lib/dates";
import { fundingStatus, plannedFen, type FundingStatus } from "./money";

export type FundingLine = { unit_id: number; unit_name: string; unit_kind: string; parent_name: string | null; department_name: string; duties: number; amount: string };

/** Duties in force at some point of the year, with the funds that follow them (元/年), summed by unit and department. */
export async function fundingLines(year: number, unitIds?: number[]): Promise<FundingLine[]> {
  const start = new Date(Date.UTC(year, 0, 1));
  const end = new Date(Date.UTC(year, 11, 31));
  return prisma.$queryRaw<FundingLine[]>`
    SELECT u.id AS unit_id, u.name AS unit_name, u.kind::text AS unit_kind, p.name AS parent_name, d.department_name,
           count(*)::int AS duties, sum(d.funding_amount)::text AS amount
    FROM local_duty d JOIN org_unit u ON u.id = d.unit_id LEFT JOIN org_unit p ON p.id = u.parent_id
    WHERE d.admission_id IS NOT NULL AND d.admitted_on <= ${end} AND (d.revoked_on IS NULL OR d.revoked_on >= ${start}) ${unitsIn(unitIds)}
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

/** One line of the 费随事转 ledger: one admitted duty in one unit, for one budget year (amounts in fen). */
export type LedgerRow = {
  dutyId: number;
  dutyName: string;
  admissionId: number;
  admissionCode: string | null;
  unitId: number;
  unitName: string;
  unitKind: string;
  parentName: string | null;
  departmentName: string;
  annualFen: number;
  plannedFen: number;
  /** Planned amount reduced to the days in force, because the duty was revoked during the year. */
  proRata: boolean;
  revokedOn: string | null;
  paidFen: number;
  status: FundingStatus;
};

/**
 * The year's ledger: every admitted duty in force at some point of the year, per unit, with what
 * was planned (pro-rated after a revocation) and what was paid. Money stays in integer fen: the
 * database turns the Decimal into fen exactly, and the sums are integers.
 */
export async function fundingLedger(year: number, unitIds?: number[]): Promise<LedgerRow[]> {
  const start = new Date(Date.UTC(year, 0, 1));
  const end = new Date(Date.UTC(year, 11, 31));
  const rows = await prisma.$queryRaw<
    {
      duty_id: number;
      duty_name: string;
      admission_id: number;
      admission_code: string | null;
      unit_id: number;
      unit_name: string;
      unit_kind: string;
      parent_name: string | null;
      department_name: string;
      annual_fen: string;
      revoked_on: Date | null;
      paid_fen: string;
    }[]
  >`
    SELECT d.id AS duty_id, d.name AS duty_name, d.admission_id, a.code AS admission_code,
           u.id AS unit_id, u.name AS unit_name, u.kind::text AS unit_kind, p.name AS parent_name, d.department_name,
           (d.funding_amount * 100)::bigint::text AS annual_fen, d.revoked_on,
           coalesce((SELECT sum(f.amount_fen) FROM funding_disbursement f WHERE f.local_duty_id = d.id AND f.year = ${year}), 0)::text AS paid_fen
    FROM local_duty d
    JOIN org_unit u ON u.id = d.unit_id
    LEFT JOIN org_unit p ON p.id = u.parent_id
    LEFT JOIN admission a ON a.id = d.admission_id
    WHERE d.admission_id IS NOT NULL AND d.admitted_on <= ${end} AND (d.revoked_on IS NULL OR d.revoked_on >= ${start}) ${unitsIn(unitIds)}
    ORDER BY u.name, d.department_name, d.name, d.id`;
  return rows.map((r) => {
    const revokedOn = r.revoked_on ? dayOfDbDate(r.revoked_on) : null;
    const annualFen = Number(r.annual_fen);
    const planned = plannedFen(annualFen, year, revokedOn);
    const paidFen = Number(r.paid_fen);
    return {
      dutyId: r.duty_id,
      dutyName: r.duty_name,
      admissionId: r.admission_id,
      admissionCode: r.admission_code,
      unitId: r.unit_id,
      unitName: r.unit_name,
      unitKind: r.unit_kind,
      parentName: r.parent_name,
      departmentName: r.department_name,
      annualFen,
      plannedFen: planned.fen,
      proRata: planned.proRata,
      revokedOn,
      paidFen,
      status: fundingStatus(planned.fen, paidFen),
    };
  });
}

type Totals = { plannedFen: number; paidFen: number };

/**
 * The ledger summed by unit and by department. A department's 准入事项数 counts its admitted duties
 * (one admission handed to five communities is one duty), and the units that took them separately.
 */
export function summariseLedger(rows: LedgerRow[]) {
  const byUnit = new Map<number, { id: number; name: string; kind: string; parent: string | null; duties: number } & Totals>();
  const byDept = new Map<string, { name: string; admissions: Set<number>; units: Set<number> } & Totals>();
  const total: Totals & { duties: number } = { plannedFen: 0, paidFen: 0, duties: 0 };
  for (const r of rows) {
    total.plannedFen += r.plannedFen;
    total.paidFen += r.paidFen;
    const u = byUnit.get(r.unitId) ?? { id: r.unitId, name: r.unitName, kind: r.unitKind, parent: r.parentName, duties: 0, plannedFen: 0, paidFen: 0 };
    u.duties++;
    u.plannedFen += r.plannedFen;
    u.paidFen += r.paidFen;
    byUnit.set(r.unitId, u);
    const d = byDept.get(r.departmentName) ?? { name: r.departmentName, admissions: new Set<number>(), units: new Set<number>(), plannedFen: 0, paidFen: 0 };
    d.admissions.add(r.admissionId);
    d.units.add(r.unitId);
    d.plannedFen += r.plannedFen;
    d.paidFen += r.paidFen;
    byDept.set(r.departmentName, d);
  }
  total.duties = new Set(rows.map((r) => r.admissionId)).size;
  const withStatus = <T extends Totals>(t: T) => ({ ...t, status: fundingStatus(t.plannedFen, t.paidFen) });
  return {
    total: withStatus(total),
    units: [...byUnit.values()].map(withStatus).sort((a, b) => b.plannedFen - a.plannedFen || a.name.localeCompare(b.name, "zh-CN")),
    departments: [...byDept.values()]
      .map(({ admissions, units, ...d }) => withStatus({ ...d, duties: admissions.size, units: units.size }))
      .sort((a, b) => b.plannedFen - a.plannedFen || a.name.localeCompare(b.name, "zh-CN")),
  };
}

/** The year's disbursements, newest first, with the duty and unit they were paid for. */
export async function disbursements(year: number, unitIds?: number[]) {
  const rows = await prisma.fundingDisbursement.findMany({
    where: { year, ...(unitIds ? { localDuty: { unitId: { in: unitIds } } } : {}) },
    orderBy: [{ paidOn: "desc" }, { id: "desc" }],
    select: {
      id: true,
      paidOn: true,
      amountFen: true,
      documentNumber: true,
      note: true,
      recordedByName: true,
      localDuty: { select: { id: true, name: true, unit: { select: { name: true } } } },
    },
  });
  return rows.map((r) => ({ ...r, amountFen: Number(r.amountFen), paidOn: dayOfDbDate(r.paidOn) }));
}
