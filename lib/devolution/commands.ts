import type { CommandContext } from "@/lib/action";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DevolutionDecision } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { matchDepartment } from "@/lib/catalogue/match";
import { auditRows } from "./audit-rows";
import { isBianban, letterSide, type DevolutionSubject } from "./policy";
import { buildLetterContent, contentHash, documentNumber, type LetterItem } from "./letter-content";
import { today as chinaToday } from "@/lib/dates";
import { notifyUnits } from "@/lib/notifications/commands";
import { createFiling } from "@/lib/filings/commands";
import { editionAreaOf } from "@/lib/catalogue/policy";
import { frozenReason } from "./state";
import { areaOf } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/types";
import type {
  ArbitrateInput, AssignInput, CommentInput, OpenDevolutionRoundInput, PairInput, ProposeInput, RespondInput,
} from "./schema";

const STREET_KINDS = ["STREET", "TOWNSHIP"] as const;

async function openRoundOrThrow(tx: Tx, roundId: number) {
  const round = await tx.devolutionRound.findUnique({ where: { id: roundId } });
  if (!round) throw new AppError("NOT_FOUND", "该轮承接确认不存在。");
  if (round.status !== "OPEN") throw new AppError("INVALID_STATE", "本轮承接确认已结束，不能再修改。");
  return round;
}

/**
 * A round the user may manage (devolution.manage): open, and for a district 编办 every street
 * of it in the district. A round that also names streets of another district (or a city-wide
 * one) stays the city 编办's.
 */
async function manageableRoundOrThrow(tx: Tx, user: Pick<SessionUser, "area">, roundId: number) {
  const round = await openRoundOrThrow(tx, roundId);
  const area = areaOf(user);
  if (area) {
    const outside = await tx.devolutionRoundStreet.count({ where: { roundId, streetId: { notIn: area.unitIds } } });
    if (outside > 0) throw new AppError("FORBIDDEN", "本轮承接确认包含其他区县的街道（乡镇），只能由市编办管理。");
  }
  return round;
}

/* ------------------------------------------------------------------ subjects (for the policy) */

function targetWhere(input: { roundId: number; ids?: number[]; itemIds?: number[]; streetIds?: number[] }): Prisma.DevolutionWhereInput {
  if (input.ids?.length) return { roundId: input.roundId, id: { in: input.ids } };
  return { roundId: input.roundId, itemId: { in: input.itemIds ?? [] }, streetId: { in: input.streetIds ?? [] } };
}

/** The streets and departments of the rows a request touches; false when it touches none. */
export async function rowsSubject(tx: Tx, where: Prisma.DevolutionWhereInput): Promise<DevolutionSubject | false> {
  const groups = await tx.devolution.groupBy({ by: ["streetId", "departmentId"], where });
  if (!groups.length) return false;
  return {
    type: "devolution",
    streetIds: [...new Set(groups.map((g) => g.streetId))],
    departmentIds: [...new Set(groups.map((g) => g.departmentId))],
  };
}

export const targetSubject = (input: { roundId: number; ids?: number[]; itemIds?: number[]; streetIds?: number[] }, tx: Tx) =>
  rowsSubject(tx, targetWhere(input));

export const rowSubject = (input: { id: number }, tx: Tx) => rowsSubject(tx, { id: input.id });

export const pairSubject = async (input: PairInput): Promise<DevolutionSubject> => ({
  type: "devolution",
  streetIds: [input.streetId],
  departmentIds: [input.departmentId],
});

export async function letterSubject(input: { letterId: number }, tx: Tx): Promise<DevolutionSubject | false> {
  const letter = await tx.confirmationLetter.findUnique({ where: { id: input.letterId }, select: { streetId: true, departmentId: true } });
  return letter ? { type: "devolution", streetIds: [letter.streetId], departmentIds: [letter.departmentId] } : false;
}

/* ------------------------------------------------------------------ rounds */

export async function openDevolutionRound(input: OpenDevolutionRoundInput, { tx, user, audit }: CommandContext) {
  const edition = await tx.catalogueEdition.findUnique({
    where: { id: input.editionId },
    select: { id: true, kind: true, status: true, title: true, areaUnitId: true, _count: { select: { items: true } } },
  });
  // A district 编办 opens a round on the city's edition or its own district's, never another
  // district's (which it is not to see: answered as not chosen).
  const foreignEdition = edition?.areaUnitId != null && editionAreaOf(user) != null && edition.areaUnitId !== editionAreaOf(user);
  if (!edition || foreignEdition || edition.kind !== "GUIDANCE" || edition.status !== "ISSUED") {
    throw new AppError("VALIDATION", "请选择一份已印发的赋权事项指导清单。", { editionId: "请选择一份已印发的赋权事项指导清单" });
  }
  if (edition._count.items === 0) throw new AppError("VALIDATION", "所选清单没有事项。", { editionId: "所选清单没有事项" });
  if (input.deadline < chinaToday()) throw new AppError("VALIDATION", "截止日期不能早于今天。", { deadline: "截止日期不能早于今天" });

  const streetIds = [...new Set(input.streetIds)];
  const streets = await tx.orgUnit.findMany({ where: { id: { in: streetIds } }, select: { id: true, name: true, kind: true, active: true } });
  const unfit = streetIds.length !== streets.length || streets.some((s) => !s.active || !(STREET_KINDS as readonly string[]).includes(s.kind));
  if (unfit) throw new AppError("VALIDATION", "只能选择在用的街道或乡镇。", { streetIds: "只能选择在用的街道或乡镇" });
  const area = areaOf(user);
  const foreign = area ? streets.filter((s) => !area.unitIds.includes(s.id)) : [];
  if (foreign.length) {
    const message = `${foreign.slice(0, 5).map((s) => s.name).join("、")}不在本区县，只能选择本区县的街道（乡镇）。`;
    throw new AppError("VALIDATION", message, { streetIds: message });
  }
  // A district's edition applies in that district only (the city 编办 opening a round on it too).
  if (edition.areaUnitId != null) {
    const outside = await tx.orgUnit.count({ where: { id: { in: streetIds }, parentId: { not: edition.areaUnitId } } });
    if (outside) {
      const message = "所选清单是区县版本，只能选择该区县的街道（乡镇）。";
      throw new AppError("VALIDATION", message, { streetIds: message });
    }
  }

  const busy = await tx.devolutionRoundStreet.findMany({
    where: { streetId: { in: streetIds }, round: { editionId: edition.id, status: "OPEN" } },
    select: { street: { select: { name: true } }, round: { select: { title: true } } },
  });
  if (busy.length) {
    const names = busy.slice(0, 5).map((b) => b.street.name).join("、") + (busy.length > 5 ? ` 等 ${busy.length} 个` : "");
    const message = `${names}正在「${busy[0].round.title}」中确认同一份清单，请先结束那一轮或不选这些街道（乡镇）。`;
    throw new AppError("INVALID_STATE", message, { streetIds: message });
  }

  const round = await tx.devolutionRound.create({
    data: {
      title: input.title,
      editionId: edition.id,
      deadline: new Date(`${input.deadline}T00:00:00Z`),
      note: input.note,
      documentPrefix: input.documentPrefix,
      createdById: user.id,
      createdByName: user.displayName,
    },
  });
  await tx.devolutionRoundStreet.createMany({ data: streetIds.map((streetId) => ({ roundId: round.id, streetId })) });

  // Each item goes to the department it came from: the linked unit, else its name matched to one.
  // One transaction runs one query at a time: these are awaited in turn, not in Promise.all.
  const items = await tx.catalogueItem.findMany({ where: { editionId: edition.id }, select: { id: true, departmentId: true, departmentName: true } });
  const departments = await tx.orgUnit.findMany({ where: { kind: "DEPARTMENT", active: true }, select: { id: true, name: true, shortName: true } });
  const active = new Set(departments.map((d) => d.id));
  const assignments = items.map((i) => ({
    roundId: round.id,
    itemId: i.id,
    departmentId: i.departmentId && active.has(i.departmentId) ? i.departmentId : (matchDepartment(i.departmentName, departments)?.id ?? null),
  }));
  await tx.devolutionAssignment.createMany({ data: assignments });
  // Every street x item in one statement (province scale: ~340,000 rows). In street and item order
  // the index entries go in mostly in key order, and ids follow the order the lists are read in.
  // The references are checked once for the whole statement by triggers (see the migration
  // 20261202120000_devolution_set_based_references), not row by row.
  const rows = await tx.$executeRaw`
    INSERT INTO devolution (round_id, street_id, item_id, department_id, position, power_type_id, domain_id, updated_at)
    SELECT s.round_id, s.street_id, i.id, a.department_id, i.position, i.power_type_id, i.domain_id, now()
    FROM devolution_round_street s
    JOIN devolution_assignment a ON a.round_id = s.round_id
    JOIN catalogue_item i ON i.id = a.item_id
    WHERE s.round_id = ${round.id}
    ORDER BY s.street_id, i.position, i.id`;
  const unassigned = assignments.filter((a) => a.departmentId == null).length;
  await audit({
    action: "devolution.round.open",
    subjectType: "devolution_round",
    subjectId: round.id,
    after: { title: round.title, editionId: edition.id, deadline: input.deadline, streetIds, items: items.length, rows, unassigned },
  });
  return { id: round.id, rows, unassigned };
}

export async function closeDevolutionRound(input: { roundId: number }, { tx, user, audit }: CommandContext) {
  const round = await manageableRoundOrThrow(tx, user, input.roundId);
  await tx.devolutionRound.update({ where: { id: input.roundId }, data: { status: "CLOSED", closedAt: new Date(), closedByName: user.displayName } });
  await audit({ action: "devolution.round.close", subjectType: "devolution_round", subjectId: input.roundId, before: { status: "OPEN" }, after: { status: "CLOSED" } });
  // A district 编办 files the result of its round with the city 编办 (备案).
  const area = areaOf(user);
  if (area) {
    const rows = await tx.devolution.count({ where: { roundId: input.roundId } });
    await createFiling(
      { kind: "DEVOLUTION_ROUND", subjectId: input.roundId, versionId: null, title: `${round.title}（${rows} 条承接确认）`, districtId: area.districtId },
      { tx, user, audit },
    );
  }
  return { id: input.roundId };
}

const CLEARED = {
  proposal: null, reason: null, streetDuty: null, departmentDuty: null, proposedAt: null, proposedById: null, proposedByName: null,
  response: null, responseReason: null, respondedAt: null, respondedById: null, respondedByName: null,
  arbitratedDecision: null, arbitrationNote: null, arbitratedAt: null, arbitratedById: null, arbitratedByName: null,
  decision: null, settled: false, settledAt: null,
} as const;

/** 编办 assigns items to a department (or back to none). Answers already given to the old department are cleared. */
export async function assignItems(input: AssignInput, { tx, user, audit }: CommandContext) {
  await manageableRoundOrThrow(tx, user, input.roundId);
  if (input.departmentId != null) {
    const dept = await tx.orgUnit.findUnique({ where: { id: input.departmentId }, select: { kind: true, active: true } });
    if (!dept || dept.kind !== "DEPARTMENT" || !dept.active) {
      throw new AppError("VALIDATION", "请选择一个在用的部门。", { departmentId: "请选择一个在用的部门" });
    }
  }
  const itemIds = [...new Set(input.itemIds)];
  const current = await tx.devolutionAssignment.findMany({ where: { roundId: input.roundId, itemId: { in: itemIds } } });
  if (current.length !== itemIds.length) throw new AppError("NOT_FOUND", "所选事项不在本轮中。");
  const changed = current.filter((a) => a.departmentId !== input.departmentId);
  if (!changed.length) return { items: 0, cleared: 0, kept: 0 };
  const changedIds = changed.map((a) => a.itemId);
  await tx.devolutionAssignment.updateMany({
    where: { roundId: input.roundId, itemId: { in: changedIds } },
    data: { departmentId: input.departmentId, manual: true },
  });
  const rowWhere: Prisma.DevolutionWhereInput = { roundId: input.roundId, itemId: { in: changedIds } };
  const answered = await tx.devolution.count({ where: { ...rowWhere, letterId: null, proposal: { not: null } } });
  const kept = await tx.devolution.count({ where: { ...rowWhere, letterId: { not: null } } });
  // Rows already in a letter keep the department that agreed them.
  await tx.devolution.updateMany({ where: { ...rowWhere, letterId: null, lockedAt: null }, data: { departmentId: input.departmentId, ...CLEARED } });
  for (const a of changed) {
    await audit({
      action: "devolution.assign",
      subjectType: "devolution_assignment",
      subjectId: `${input.roundId}:${a.itemId}`,
      before: { departmentId: a.departmentId },
      after: { departmentId: input.departmentId },
    });
  }
  return { items: changed.length, cleared: answered, kept };
}

/* ------------------------------------------------------------------ department: proposals */

const rowSelect = {
  id: true, streetId: true, departmentId: true, proposal: true, reason: true, streetDuty: true, departmentDuty: true,
  proposedAt: true, response: true, responseReason: true, settled: true, decision: true, letterId: true, lockedAt: true, arbitratedAt: true,
} as const;

type Row = Prisma.DevolutionGetPayload<{ select: typeof rowSelect }>;

export type BulkResult = { updated: number; unchanged: number; frozen: number; arbitrated: number; notReady: number; changedMeanwhile: number };

function refuseIfNothing(rows: Row[], result: BulkResult) {
  if (result.updated > 0 || result.unchanged > 0) return;
  if (rows.length === 1) {
    const reason = frozenReason(rows[0]);
    if (reason) throw new AppError(rows[0].lockedAt || rows[0].letterId ? "LOCKED" : "INVALID_STATE", reason);
  }
  if (result.frozen) throw new AppError("LOCKED", "所选事项已生成确认书或已锁定，不能修改。");
  if (result.arbitrated) throw new AppError("INVALID_STATE", "所选事项已由编办裁决，不能再修改。");
  if (result.changedMeanwhile) throw new AppError("CONFLICT", "部门刚刚修改了所选事项的意见，请刷新后查看再确认。");
  if (result.notReady) throw new AppError("INVALID_STATE", "所选事项部门尚未提出意见，暂不能确认。");
}

export async function propose(input: ProposeInput, { tx, user, meta }: CommandContext): Promise<BulkResult> {
  await openRoundOrThrow(tx, input.roundId);
  const rows = await tx.devolution.findMany({ where: targetWhere(input), select: rowSelect });
  const result: BulkResult = { updated: 0, unchanged: 0, frozen: 0, arbitrated: 0, notReady: 0, changedMeanwhile: 0 };
  const next = { proposal: input.proposal, reason: input.reason, streetDuty: input.streetDuty, departmentDuty: input.departmentDuty };
  const targets: Row[] = [];
  for (const r of rows) {
    if (r.lockedAt || r.letterId) result.frozen++;
    else if (r.arbitratedAt) result.arbitrated++;
    else if (r.proposal === next.proposal && r.reason === next.reason && r.streetDuty === next.streetDuty && r.departmentDuty === next.departmentDuty) result.unchanged++;
    else targets.push(r);
  }
  if (targets.length) {
    // A changed proposal needs the street's answer again.
    const { count } = await tx.devolution.updateMany({
      where: { id: { in: targets.map((r) => r.id) }, lockedAt: null, letterId: null, arbitratedAt: null },
      data: {
        ...CLEARED,
        ...next,
        proposedAt: new Date(),
        proposedById: user.id,
        proposedByName: user.displayName,
      },
    });
    if (count !== targets.length) throw new AppError("CONFLICT");
    result.updated = count;
    await auditRows(
      tx, user, meta, "devolution.propose", "devolution",
      targets.map((r) => ({
        id: r.id,
        before: { proposal: r.proposal, reason: r.reason, streetDuty: r.streetDuty, departmentDuty: r.departmentDuty, response: r.response, decision: r.decision },
        after: next,
      })),
    );
  }
  refuseIfNothing(rows, result);
  return result;
}

/* ------------------------------------------------------------------ street: responses */

export async function respond(input: RespondInput, { tx, user, meta }: CommandContext): Promise<BulkResult> {
  await openRoundOrThrow(tx, input.roundId);
  const rows = await tx.devolution.findMany({ where: { roundId: input.roundId, id: { in: input.ids } }, select: rowSelect });
  const seen = input.seenAt ? new Date(input.seenAt) : null;
  const result: BulkResult = { updated: 0, unchanged: 0, frozen: 0, arbitrated: 0, notReady: 0, changedMeanwhile: 0 };
  const targets: Row[] = [];
  for (const r of rows) {
    if (r.lockedAt || r.letterId) result.frozen++;
    else if (r.arbitratedAt) result.arbitrated++;
    else if (!r.proposal) result.notReady++;
    // The street answers the proposal it saw; one changed since is shown again first.
    else if (seen && r.proposedAt && r.proposedAt.getTime() > seen.getTime()) result.changedMeanwhile++;
    else if (r.response === input.response && (input.response === "AGREE" || r.responseReason === input.reason)) result.unchanged++;
    else targets.push(r);
  }
  if (targets.length) {
    const now = new Date();
    const common = { response: input.response, responseReason: input.reason, respondedAt: now, respondedById: user.id, respondedByName: user.displayName };
    const guard = { lockedAt: null, letterId: null, arbitratedAt: null } as const;
    let count = 0;
    if (input.response === "AGREE") {
      // Agreeing settles each row on the proposal it agreed to.
      for (const proposal of ["ACCEPT", "DEFER", "DECLINE"] as DevolutionDecision[]) {
        const ids = targets.filter((r) => r.proposal === proposal).map((r) => r.id);
        if (!ids.length) continue;
        const r = await tx.devolution.updateMany({
          where: { id: { in: ids }, proposal, ...guard },
          data: { ...common, decision: proposal, settled: true, settledAt: now },
        });
        count += r.count;
      }
    } else {
      const r = await tx.devolution.updateMany({
        where: { id: { in: targets.map((t) => t.id) }, proposal: { not: null }, ...guard },
        data: { ...common, decision: null, settled: false, settledAt: null },
      });
      count = r.count;
    }
    if (count !== targets.length) throw new AppError("CONFLICT");
    result.updated = count;
    await auditRows(
      tx, user, meta, input.response === "AGREE" ? "devolution.agree" : "devolution.disagree", "devolution",
      targets.map((r) => ({
        id: r.id,
        before: { response: r.response, responseReason: r.responseReason, decision: r.decision },
        after: { response: input.response, responseReason: input.reason, proposal: r.proposal },
      })),
    );
  }
  refuseIfNothing(rows, result);
  return result;
}

/* ------------------------------------------------------------------ comments and arbitration */

export async function addComment(input: CommentInput, { tx, user, audit }: CommandContext) {
  const row = await tx.devolution.findUnique({ where: { id: input.id }, select: { roundId: true, departmentId: true, letterId: true, lockedAt: true } });
  if (!row) throw new AppError("NOT_FOUND");
  await openRoundOrThrow(tx, row.roundId);
  if (row.lockedAt) throw new AppError("LOCKED", frozenReason(row)!);
  const side = isBianban(user) ? "BIANBAN" : row.departmentId === user.unitId && user.roles.includes("DEPARTMENT") ? "DEPARTMENT" : "STREET";
  const comment = await tx.devolutionComment.create({
    data: { devolutionId: input.id, side, authorId: user.id, authorName: user.displayName, unitName: user.unitName, body: input.body },
  });
  await tx.devolution.update({ where: { id: input.id }, data: { commentCount: { increment: 1 } } });
  await audit({ action: "devolution.comment", subjectType: "devolution", subjectId: input.id, after: { commentId: comment.id, side, body: input.body } });
  return { id: comment.id };
}

export async function arbitrate(input: ArbitrateInput, { tx, user, audit }: CommandContext) {
  const row = await tx.devolution.findUnique({ where: { id: input.id }, select: { ...rowSelect, roundId: true, arbitratedDecision: true, arbitrationNote: true } });
  if (!row) throw new AppError("NOT_FOUND");
  await manageableRoundOrThrow(tx, user, row.roundId);
  if (row.lockedAt || row.letterId) throw new AppError("LOCKED", frozenReason(row)!);
  if (row.response !== "DISAGREE") throw new AppError("INVALID_STATE", "只有街道不同意部门意见的事项才需要编办裁决。");
  if (row.arbitratedAt) throw new AppError("INVALID_STATE", "该事项已由编办裁决，裁决不能重复作出。");
  const now = new Date();
  const duties = input.decision === "ACCEPT" ? { streetDuty: input.streetDuty, departmentDuty: input.departmentDuty } : {};
  await tx.devolution.update({
    where: { id: input.id },
    data: {
      arbitratedDecision: input.decision,
      arbitrationNote: input.note,
      arbitratedAt: now,
      arbitratedById: user.id,
      arbitratedByName: user.displayName,
      decision: input.decision,
      settled: true,
      settledAt: now,
      ...duties,
    },
  });
  await audit({
    action: "devolution.arbitrate",
    subjectType: "devolution",
    subjectId: input.id,
    before: { proposal: row.proposal, response: row.response, decision: row.decision, arbitratedDecision: row.arbitratedDecision, streetDuty: row.streetDuty, departmentDuty: row.departmentDuty },
    after: { decision: input.decision, note: input.note, ...duties },
  });
  return { id: input.id };
}

/* ------------------------------------------------------------------ confirmation letters */

export async function generateLetter(input: PairInput, { tx, user, audit }: CommandContext) {
  const round = await openRoundOrThrow(tx, input.roundId);
  const letter = await createLetter(tx, round, input, { id: user.id, name: user.displayName });
  // Each side that did not generate it is told that the letter awaits its signature.
  const mine = letterSide(user, input);
  const names = await tx.orgUnit.findMany({ where: { id: { in: [input.streetId, input.departmentId] } }, select: { id: true, name: true } });
  const nameOf = (id: number) => names.find((n) => n.id === id)?.name ?? "";
  for (const side of ["STREET", "DEPARTMENT"] as const) {
    if (side === mine) continue;
    await notifyLetterAwaits(tx, { id: letter.id, roundId: round.id, documentNumber: letter.documentNumber, streetId: input.streetId, departmentId: input.departmentId }, side, {
      body: `「${round.title}」中${nameOf(input.streetId)}与${nameOf(input.departmentId)}的《赋权承接事项确认书》（${letter.documentNumber}）已生成，共 ${letter.counts.total} 项，请核对后确认。`,
    });
  }
  await audit({
    action: "devolution.letter.generate",
    subjectType: "confirmation_letter",
    subjectId: letter.id,
    after: { documentNumber: letter.documentNumber, contentHash: letter.contentHash, roundId: round.id, streetId: input.streetId, departmentId: input.departmentId, counts: letter.counts },
  });
  return { id: letter.id, documentNumber: letter.documentNumber, contentHash: letter.contentHash };
}

/**
 * Writes the letter of a street x department whose items are all settled: the next document
 * number, the content and its hash; links the items to it. The seed uses it too.
 */
export async function createLetter(
  tx: Tx,
  round: { id: number; title: string; editionId: number; documentPrefix: string },
  pair: { streetId: number; departmentId: number },
  by: { id: number | null; name: string },
  date = chinaToday(),
) {
  // One generation per pair at a time, and one document number per serial.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`qingdan.letter:${round.id}:${pair.streetId}:${pair.departmentId}`}))`;
  const existing = await tx.confirmationLetter.findFirst({
    where: { roundId: round.id, streetId: pair.streetId, departmentId: pair.departmentId, status: { not: "WITHDRAWN" } },
    select: { documentNumber: true },
  });
  if (existing) throw new AppError("INVALID_STATE", `已生成确认书（${existing.documentNumber}），不能重复生成。`);
  const rows = await tx.devolution.findMany({
    where: { roundId: round.id, streetId: pair.streetId, departmentId: pair.departmentId },
    orderBy: { position: "asc" },
    select: {
      id: true, settled: true, decision: true, reason: true, streetDuty: true, departmentDuty: true, letterId: true, lockedAt: true,
      arbitratedAt: true, arbitrationNote: true,
      item: { select: { code: true, name: true, powerType: { select: { name: true } }, domain: { select: { name: true } }, powerTypeRaw: true, domainRaw: true } },
    },
  });
  if (!rows.length) throw new AppError("NOT_FOUND", "该部门在这个街道（乡镇）没有需要确认的事项。");
  const open = rows.filter((r) => !r.settled).length;
  if (open) throw new AppError("INVALID_STATE", `还有 ${open} 项未达成一致，全部一致后才能生成确认书。`);
  if (rows.some((r) => r.letterId || r.lockedAt)) throw new AppError("CONFLICT");

  const street = await tx.orgUnit.findUniqueOrThrow({ where: { id: pair.streetId }, select: { id: true, name: true } });
  const department = await tx.orgUnit.findUniqueOrThrow({ where: { id: pair.departmentId }, select: { id: true, name: true } });
  const edition = await tx.catalogueEdition.findUniqueOrThrow({ where: { id: round.editionId }, select: { id: true, title: true } });
  const year = Number(date.slice(0, 4));
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`qingdan.letter-number:${round.documentPrefix}:${year}`}))`;
  const last = await tx.confirmationLetter.aggregate({ where: { documentPrefix: round.documentPrefix, year }, _max: { serial: true } });
  const serial = (last._max.serial ?? 0) + 1;
  const number = documentNumber(round.documentPrefix, year, serial);
  const items: LetterItem[] = rows.map((r, i) => ({
    seq: i + 1,
    code: r.item.code,
    name: r.item.name,
    powerType: r.item.powerType?.name ?? r.item.powerTypeRaw ?? null,
    domain: r.item.domain?.name ?? r.item.domainRaw ?? null,
    decision: r.decision!,
    reason: r.arbitratedAt ? r.arbitrationNote : r.reason,
    streetDuty: r.decision === "ACCEPT" ? r.streetDuty : null,
    departmentDuty: r.decision === "ACCEPT" ? r.departmentDuty : null,
    arbitrated: !!r.arbitratedAt,
  }));
  const content = buildLetterContent({
    documentNumber: number,
    date,
    round: { id: round.id, title: round.title },
    edition: { id: edition.id, title: edition.title },
    street,
    department,
    items,
  });
  const hash = contentHash(content);
  const letter = await tx.confirmationLetter.create({
    data: {
      roundId: round.id,
      streetId: street.id,
      departmentId: department.id,
      documentPrefix: round.documentPrefix,
      year,
      serial,
      documentNumber: number,
      content: content as unknown as Prisma.InputJsonValue,
      contentHash: hash,
      itemCount: content.counts.total,
      acceptedCount: content.counts.accepted,
      deferredCount: content.counts.deferred,
      declinedCount: content.counts.declined,
      generatedById: by.id,
      generatedByName: by.name,
    },
    select: { id: true },
  });
  const linked = await tx.devolution.updateMany({ where: { id: { in: rows.map((r) => r.id) }, letterId: null, lockedAt: null, settled: true }, data: { letterId: letter.id } });
  if (linked.count !== rows.length) throw new AppError("CONFLICT");
  return { id: letter.id, documentNumber: number, contentHash: hash, counts: content.counts };
}

export async function confirmLetter(input: { letterId: number }, { tx, user, audit }: CommandContext) {
  const letter = await tx.confirmationLetter.findUnique({ where: { id: input.letterId } });
  if (!letter) throw new AppError("NOT_FOUND");
  await openRoundOrThrow(tx, letter.roundId);
  const side = letterSide(user, letter);
  if (!side) throw new AppError("FORBIDDEN");
  if (letter.status === "WITHDRAWN") throw new AppError("INVALID_STATE", "该确认书已撤回，不能确认。");
  if (letter.status === "CONFIRMED") throw new AppError("INVALID_STATE", "该确认书已由双方确认。");
  const mine = side === "DEPARTMENT" ? letter.departmentConfirmedAt : letter.streetConfirmedAt;
  if (mine) throw new AppError("INVALID_STATE", "您方已确认过该确认书。");
  const other = side === "DEPARTMENT" ? letter.streetConfirmedAt : letter.departmentConfirmedAt;
  const now = new Date();
  const data: Prisma.ConfirmationLetterUpdateInput =
    side === "DEPARTMENT"
      ? { departmentConfirmedAt: now, departmentConfirmedById: user.id, departmentConfirmedBy: user.displayName }
      : { streetConfirmedAt: now, streetConfirmedById: user.id, streetConfirmedBy: user.displayName };
  if (other) data.status = "CONFIRMED";
  // Only a letter still pending is confirmed (a concurrent withdrawal wins).
  const updated = await tx.confirmationLetter.updateMany({ where: { id: letter.id, status: "PENDING" }, data: data as Prisma.ConfirmationLetterUpdateManyMutationInput });
  if (updated.count !== 1) throw new AppError("CONFLICT");
  let locked = 0;
  if (other) {
    locked = (await tx.devolution.updateMany({ where: { letterId: letter.id, lockedAt: null }, data: { lockedAt: now } })).count;
  }
  if (!other) {
    const waiting = side === "DEPARTMENT" ? "STREET" : "DEPARTMENT";
    await notifyLetterAwaits(tx, letter, waiting, {
      body: `${side === "DEPARTMENT" ? "部门" : "街道（乡镇）"}已确认《赋权承接事项确认书》（${letter.documentNumber}），待您方确认后生效。`,
    });
  }
  await audit({
    action: "devolution.letter.confirm",
    subjectType: "confirmation_letter",
    subjectId: letter.id,
    after: { side, documentNumber: letter.documentNumber, status: other ? "CONFIRMED" : "PENDING", locked },
  });
  return { id: letter.id, side, confirmed: !!other };
}

/** The accounts of one side of a letter are told that it awaits their signature, with a link to it. */
async function notifyLetterAwaits(
  tx: Tx,
  letter: { id: number; roundId: number; documentNumber: string; streetId: number; departmentId: number },
  side: "STREET" | "DEPARTMENT",
  n: { body: string },
) {
  await notifyUnits(
    tx,
    [side === "STREET" ? letter.streetId : letter.departmentId],
    { title: `确认书待确认：${letter.documentNumber}`, body: n.body, href: `/devolution/rounds/${letter.roundId}/letters/${letter.id}` },
    [side],
  );
}

export async function withdrawLetter(input: { letterId: number; reason: string }, { tx, user, audit }: CommandContext) {
  const letter = await tx.confirmationLetter.findUnique({ where: { id: input.letterId } });
  if (!letter) throw new AppError("NOT_FOUND");
  await openRoundOrThrow(tx, letter.roundId);
  if (letter.status === "CONFIRMED") throw new AppError("LOCKED", "该确认书已由双方确认，不能撤回；如需调整，请在新一轮承接确认中办理。");
  if (letter.status === "WITHDRAWN") throw new AppError("INVALID_STATE", "该确认书已撤回。");
  const updated = await tx.confirmationLetter.updateMany({
    where: { id: letter.id, status: "PENDING" },
    data: { status: "WITHDRAWN", withdrawnAt: new Date(), withdrawnBy: `${user.displayName}（${user.unitName}）`, withdrawReason: input.reason },
  });
  if (updated.count !== 1) throw new AppError("CONFLICT");
  const released = await tx.devolution.updateMany({ where: { letterId: letter.id, lockedAt: null }, data: { letterId: null } });
  await audit({
    action: "devolution.letter.withdraw",
    subjectType: "confirmation_letter",
    subjectId: letter.id,
    before: { status: letter.status },
    after: { status: "WITHDRAWN", reason: input.reason, released: released.count },
  });
  return { id: letter.id };
}
