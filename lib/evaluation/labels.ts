import type { EvaluationRoundStatus } from "@/lib/generated/prisma/enums";
import { dayOfDbDate } from "@/lib/dates";

/** Labels and small pure rules of evaluation rounds, for pages, commands and exports alike. */
export const ROUND_STATUS_LABELS: Record<EvaluationRoundStatus, string> = { DRAFT: "设置中", OPEN: "评分中", CLOSED: "已截止", PUBLISHED: "已公布" };

/** The deadline that applies to one rater: its extension if 编办 granted one, else the round's. */
export function sheetDeadline(round: { closesOn: Date }, sheet: { extendedTo: Date | null }) {
  return dayOfDbDate(sheet.extendedTo ?? round.closesOn);
}
