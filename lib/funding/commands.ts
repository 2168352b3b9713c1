import type { CommandContext } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { unitInArea } from "@/lib/auth/scope";
import { dayOfDbDate, dbDate, today } from "@/lib/dates";
import { formatFen, fundingStatus, plannedFen, yuanToFen } from "./money";
import type { DisburseInput } from "./schema";

/**
 * Records money paid (拨付) to a unit for one admitted duty in one budget year. The total paid
 * may not exceed the year's planned amount (pro-rated when the duty was revoked during the year)
 * nor fall below zero after a correction. Serialised per duty, audited in the same transaction.
 */
export async function disburse(input: DisburseInput, { tx, user, audit }: CommandContext) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(4010, ${input.localDutyId})`;
  const duty = await tx.localDuty.findUnique({
    where: { id: input.localDutyId },
    select: { id: true, name: true, unitId: true, admissionId: true, fundingAmount: true, admittedOn: true, revokedOn: true, unit: { select: { name: true } } },
  });
  if (!duty) throw new AppError("NOT_FOUND");
  // A district 编办 records funds for its own district's units only (lib/auth/scope.ts).
  if (!unitInArea(user, duty.unitId)) throw new AppError("FORBIDDEN", `${duty.unit.name}不在本区县，不能登记其经费拨付。`);
  if (!duty.admissionId) throw new AppError("INVALID_STATE", "该事项不是准入事项，没有随事转移的经费。");
  const admittedYear = Number(dayOfDbDate(duty.admittedOn).slice(0, 4));
  const revokedOn = duty.revokedOn ? dayOfDbDate(duty.revokedOn) : null;
  if (input.year < admittedYear || (revokedOn && input.year > Number(revokedOn.slice(0, 4)))) {
    throw new AppError("VALIDATION", undefined, { year: `该事项在 ${input.year} 年不在清单中，没有该年度的经费` });
  }
  if (input.paidOn > today()) throw new AppError("VALIDATION", undefined, { paidOn: "拨付日期不能晚于今天" });

  const annual = yuanToFen(duty.fundingAmount.toFixed(2)) ?? 0;
  const planned = plannedFen(annual, input.year, revokedOn);
  const paid = await tx.fundingDisbursement.aggregate({ where: { localDutyId: duty.id, year: input.year }, _sum: { amountFen: true } });
  const before = Number(paid._sum.amountFen ?? 0n);
  const after = before + input.amount;
  if (after > planned.fen) {
    const left = Math.max(0, planned.fen - before);
    throw new AppError("VALIDATION", undefined, {
      amount: `超过${input.year}年计划金额：计划 ${formatFen(planned.fen)}${planned.proRata ? "（撤销后折算）" : ""}，已拨付 ${formatFen(before)}，最多还可拨付 ${formatFen(left)}`,
    });
  }
  if (after < 0) throw new AppError("VALIDATION", undefined, { amount: `冲正后已拨付金额不能为负数（已拨付 ${formatFen(before)}）` });

  const row = await tx.fundingDisbursement.create({
    data: {
      localDutyId: duty.id,
      year: input.year,
      paidOn: dbDate(input.paidOn),
      amountFen: BigInt(input.amount),
      documentNumber: input.documentNumber,
      note: input.note ?? null,
      recordedByName: user.displayName,
    },
    select: { id: true },
  });
  const status = fundingStatus(planned.fen, after);
  await audit({
    action: "funding.disburse",
    subjectType: "fundingDisbursement",
    subjectId: row.id,
    after: {
      unit: duty.unit.name,
      duty: duty.name,
      year: input.year,
      paidOn: input.paidOn,
      amount: formatFen(input.amount),
      documentNumber: input.documentNumber,
      note: input.note ?? null,
      paidTotal: formatFen(after),
      planned: formatFen(planned.fen),
    },
  });
  return { id: row.id, paidFen: after, plannedFen: planned.fen, status };
}
