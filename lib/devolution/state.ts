import type { DevolutionDecision, DevolutionResponse } from "@/lib/generated/prisma/enums";
import { dayEnd, dayOfDbDate } from "@/lib/dates";

export const DECISIONS = ["ACCEPT", "DEFER", "DECLINE"] as const satisfies readonly DevolutionDecision[];
export const RESPONSES = ["AGREE", "DISAGREE"] as const satisfies readonly DevolutionResponse[];

export const DECISION_LABELS: Record<DevolutionDecision, string> = { ACCEPT: "承接", DEFER: "暂缓", DECLINE: "不承接" };
export const RESPONSE_LABELS: Record<DevolutionResponse, string> = { AGREE: "同意", DISAGREE: "不同意" };

/**
 * Where one street x item stands. The order is the order of the workflow; `rowState` and the
 * SQL in `stateCondition` must agree.
 */
export const STATES = ["UNASSIGNED", "AWAITING_PROPOSAL", "AWAITING_RESPONSE", "DISPUTED", "SETTLED", "IN_LETTER", "LOCKED"] as const;
export type RowState = (typeof STATES)[number];

export const STATE_LABELS: Record<RowState, string> = {
  UNASSIGNED: "未分派部门",
  AWAITING_PROPOSAL: "待部门答复",
  AWAITING_RESPONSE: "待街道确认",
  DISPUTED: "有异议",
  SETTLED: "已达成一致",
  IN_LETTER: "确认书待签认",
  LOCKED: "已确认锁定",
};

export const STATE_TONES: Record<RowState, "gray" | "blue" | "green" | "amber" | "red"> = {
  UNASSIGNED: "red",
  AWAITING_PROPOSAL: "gray",
  AWAITING_RESPONSE: "blue",
  DISPUTED: "red",
  SETTLED: "green",
  IN_LETTER: "amber",
  LOCKED: "green",
};

export type StateFields = {
  departmentId: number | null;
  proposal: DevolutionDecision | null;
  response: DevolutionResponse | null;
  settled: boolean;
  letterId: number | null;
  lockedAt: Date | null;
};

export function rowState(r: StateFields): RowState {
  if (r.lockedAt) return "LOCKED";
  if (r.letterId) return "IN_LETTER";
  if (r.settled) return "SETTLED";
  if (r.departmentId == null) return "UNASSIGNED";
  if (r.proposal == null) return "AWAITING_PROPOSAL";
  if (r.response === "DISAGREE") return "DISPUTED";
  return "AWAITING_RESPONSE";
}

/** The same states as SQL conditions on the `devolution` table (alias `d`). */
export const STATE_SQL: Record<RowState, string> = {
  LOCKED: "d.locked_at IS NOT NULL",
  IN_LETTER: "d.letter_id IS NOT NULL AND d.locked_at IS NULL",
  SETTLED: "d.settled AND d.letter_id IS NULL",
  UNASSIGNED: "NOT d.settled AND d.department_id IS NULL",
  AWAITING_PROPOSAL: "NOT d.settled AND d.department_id IS NOT NULL AND d.proposal IS NULL",
  DISPUTED: "NOT d.settled AND d.proposal IS NOT NULL AND d.response = 'DISAGREE'",
  AWAITING_RESPONSE: "NOT d.settled AND d.proposal IS NOT NULL AND d.response IS NULL",
};

/** Why a row cannot be changed by a department or a street right now, or null. */
export function frozenReason(r: Pick<StateFields, "letterId" | "lockedAt"> & { arbitratedAt?: Date | null }): string | null {
  if (r.lockedAt) return "该事项的确认书已由双方确认，已锁定；如需调整，请在新一轮承接确认中办理。";
  if (r.letterId) return "该事项已生成确认书，正在等待双方签认；如需修改，请先撤回确认书。";
  if (r.arbitratedAt) return "该事项已由编办裁决。";
  return null;
}

/**
 * Whether 编办 may rule on a row: the street disagreed, no letter holds it, and it has not been
 * ruled on yet (a ruling is final; the page shows it instead of the form).
 */
export function awaitsArbitration(r: Pick<StateFields, "letterId" | "lockedAt" | "response"> & { arbitratedAt: Date | null }): boolean {
  return !r.lockedAt && !r.letterId && !r.arbitratedAt && r.response === "DISAGREE";
}

/** The end of the deadline day in China (the round's deadline is a date). */
export function deadlineEnd(deadline: Date): Date {
  return dayEnd(dayOfDbDate(deadline));
}

export function isOverdue(deadline: Date, now = new Date()): boolean {
  return deadlineEnd(deadline).getTime() < now.getTime();
}
