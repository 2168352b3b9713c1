import type { Tx } from "@/lib/db/client";

export type LocalDutySnapshotItem = {
  id: number;
  position: number;
  dutyType: string;
  name: string;
  departmentName: string;
  departmentDuty: string;
  localDuty: string;
  legalBasis: string;
  leadResponsibility: string;
  supportResponsibility: string;
  fundingAmount: string;
  admissionCode: string | null;
};

/**
 * Publishes the unit's active local duties as its next immutable version (a database trigger
 * refuses changes to published versions). Called in the caller's transaction.
 */
export async function publishLocalDutyList(tx: Tx, unitId: number, note: string, publisherName: string) {
  // Serialise publications of one unit so two never take the same number.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(4006, ${unitId})`;
  // One query at a time: a transaction's connection runs them in order anyway.
  const unit = await tx.orgUnit.findUniqueOrThrow({ where: { id: unitId }, select: { name: true } });
  const duties = await tx.localDuty.findMany({
    where: { unitId, active: true },
    orderBy: [{ admittedOn: "asc" }, { id: "asc" }],
    include: { admission: { select: { code: true } } },
  });
  const last = await tx.localDutyListVersion.findFirst({ where: { unitId }, orderBy: { versionNo: "desc" }, select: { versionNo: true } });
  const items: LocalDutySnapshotItem[] = duties.map((d, i) => ({
    id: d.id,
    position: i + 1,
    dutyType: d.dutyType,
    name: d.name,
    departmentName: d.departmentName,
    departmentDuty: d.departmentDuty,
    localDuty: d.localDuty,
    legalBasis: d.legalBasis,
    leadResponsibility: d.leadResponsibility,
    supportResponsibility: d.supportResponsibility,
    fundingAmount: d.fundingAmount.toFixed(2),
    admissionCode: d.admission?.code ?? null,
  }));
  return tx.localDutyListVersion.create({
    data: { unitId, versionNo: (last?.versionNo ?? 0) + 1, unitName: unit.name, publisherName, note, itemCount: items.length, items },
    select: { id: true, versionNo: true, itemCount: true },
  });
}
