import type { CommandContext } from "@/lib/action";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { auditRows } from "@/lib/devolution/audit-rows";
import type { ClaimSubject } from "@/lib/devolution/policy";
import type { ClaimInput, UnclaimInput } from "./schema";

export const claimSubject = async (input: { streetId: number }): Promise<ClaimSubject> => ({ type: "claim", streetId: input.streetId });

async function issuedGeneralEdition(tx: Tx, editionId: number) {
  const edition = await tx.catalogueEdition.findUnique({ where: { id: editionId }, select: { id: true, kind: true, status: true } });
  if (!edition || edition.kind !== "GENERAL" || edition.status !== "ISSUED") throw new AppError("NOT_FOUND", "该通用权责清单不存在或尚未印发。");
  return edition;
}

async function streetOrThrow(tx: Tx, streetId: number) {
  const street = await tx.orgUnit.findUnique({ where: { id: streetId }, select: { kind: true, active: true } });
  if (!street || !street.active || (street.kind !== "STREET" && street.kind !== "TOWNSHIP")) throw new AppError("NOT_FOUND", "该街道（乡镇）不存在或已停用。");
}

/** A street claims items of an issued general list (all, or those picked). Claiming again reactivates. */
export async function claimItems(input: ClaimInput, { tx, user, meta }: CommandContext) {
  await streetOrThrow(tx, input.streetId);
  await issuedGeneralEdition(tx, input.editionId);
  const items = await tx.catalogueItem.findMany({
    where: { editionId: input.editionId, ...(input.all ? {} : { id: { in: input.itemIds } }) },
    select: { id: true },
  });
  if (!input.all && items.length !== new Set(input.itemIds).size) throw new AppError("NOT_FOUND", "所选事项不属于这份清单。");
  const ids = items.map((i) => i.id);
  const existing = await tx.claim.findMany({ where: { streetId: input.streetId, itemId: { in: ids } }, select: { id: true, itemId: true, active: true } });
  const byItem = new Map(existing.map((c) => [c.itemId, c]));
  const fresh = ids.filter((id) => !byItem.has(id));
  const revived = existing.filter((c) => !c.active);
  const now = new Date();
  const by = { claimedAt: now, claimedById: user.id, claimedByName: user.displayName };
  if (fresh.length) {
    await tx.claim.createMany({ data: fresh.map((itemId) => ({ streetId: input.streetId, editionId: input.editionId, itemId, ...by })) });
  }
  if (revived.length) {
    await tx.claim.updateMany({
      where: { id: { in: revived.map((c) => c.id) }, active: false },
      data: { active: true, ...by, unclaimedAt: null, unclaimedByName: null, unclaimReason: null },
    });
  }
  const changed = [...fresh, ...revived.map((c) => c.itemId)];
  await auditRows(tx, user, meta, "claim.claim", "claim", changed.map((itemId) => ({ id: `${input.streetId}:${itemId}`, after: { streetId: input.streetId, itemId, active: true } })));
  return { claimed: changed.length, already: ids.length - changed.length };
}

/** Unclaiming needs a reason; the row stays (inactive) with it. */
export async function unclaimItems(input: UnclaimInput, { tx, user, meta }: CommandContext) {
  await streetOrThrow(tx, input.streetId);
  await issuedGeneralEdition(tx, input.editionId);
  const rows = await tx.claim.findMany({
    where: { streetId: input.streetId, editionId: input.editionId, itemId: { in: input.itemIds }, active: true },
    select: { id: true, itemId: true },
  });
  if (!rows.length) throw new AppError("INVALID_STATE", "所选事项尚未认领，无需取消。");
  await tx.claim.updateMany({
    where: { id: { in: rows.map((r) => r.id) }, active: true },
    data: { active: false, unclaimedAt: new Date(), unclaimedByName: user.displayName, unclaimReason: input.reason },
  });
  await auditRows(tx, user, meta, "claim.unclaim", "claim", rows.map((r) => ({ id: `${input.streetId}:${r.itemId}`, before: { active: true }, after: { active: false, reason: input.reason } })));
  return { unclaimed: rows.length };
}
