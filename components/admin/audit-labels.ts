// The audit page's texts come from the event registry; this module keeps the old import path working.
import { AUDIT_ACTIONS, AUDIT_EVENTS, AUDIT_SUBJECTS, type AuditSubjectType } from "@/lib/audit/events";

export { auditActionLabel, auditAreaLabel, isWarningAction, subjectTypeLabel } from "@/lib/audit/events";

/** Chinese names of audit actions, keyed by action. */
export const AUDIT_ACTION_LABELS: Record<string, string> = Object.fromEntries(AUDIT_ACTIONS.map((a) => [a, AUDIT_EVENTS[a].label]));

/** Chinese names of the kinds of object an entry is about. */
export const SUBJECT_TYPE_LABELS: Record<string, string> = Object.fromEntries(
  (Object.keys(AUDIT_SUBJECTS) as AuditSubjectType[]).map((t) => [t, AUDIT_SUBJECTS[t].label]),
);
