import type { AdmissionStage, AdmissionStatus } from "@/lib/generated/prisma/enums";
import { dayEnd, dayOfDbDate } from "@/lib/dates";

/** Working days each step may take (counted on the work calendar). */
export const STAGE_WORKDAYS: Record<AdmissionStage, number> = {
  INITIAL_REVIEW: 5,
  REVISION: 10,
  JOINT_REVIEW: 10,
  CONSULTATION: 5,
  DECISION: 5,
  FILING: 10,
};

export const STAGE_OF_STATUS: Partial<Record<AdmissionStatus, AdmissionStage>> = {
  SUBMITTED: "INITIAL_REVIEW",
  RETURNED: "REVISION",
  JOINT_REVIEW: "JOINT_REVIEW",
  CONSULTING: "CONSULTATION",
  DECIDING: "DECISION",
  FILING: "FILING",
};

export const OPEN_STATUSES: AdmissionStatus[] = ["SUBMITTED", "RETURNED", "JOINT_REVIEW", "CONSULTING", "DECIDING", "FILING"];

/** The last moment of a due day in Shanghai: overdue starts the next morning. */
export function dueEnd(dueOn: Date): Date {
  return dayEnd(dayOfDbDate(dueOn));
}

export function isOverdue(dueOn: Date | null | undefined, now = new Date()): boolean {
  return !!dueOn && dueEnd(dueOn).getTime() < now.getTime();
}
