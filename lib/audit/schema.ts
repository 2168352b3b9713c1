import { z } from "zod";
import { AUDIT_AREAS, AUDIT_OUTCOMES } from "./events";
import { filterDate, filterId, filterPage, filterText } from "@/lib/validation";

export const auditFilterSchema = z.object({
  /** Matches the actor's display name, or the user name of the acting account. */
  actor: filterText(50),
  /** The actor's unit at the time of the entry. */
  unitId: filterId,
  /** An area of the system (lib/audit/events.ts AUDIT_AREAS): every action of that area. */
  area: z.enum(Object.keys(AUDIT_AREAS) as [keyof typeof AUDIT_AREAS, ...(keyof typeof AUDIT_AREAS)[]]).optional().catch(undefined),
  /** An action name, or a family of actions written as "user.*". */
  action: filterText(100),
  /** SUCCESS, DENIED, NOT_FOUND, FAILED, or PROBLEM for every entry that did not succeed. */
  outcome: z.enum([...(Object.keys(AUDIT_OUTCOMES) as (keyof typeof AUDIT_OUTCOMES)[]), "PROBLEM"]).optional().catch(undefined),
  subjectType: filterText(50),
  subjectId: filterText(100),
  /** Inclusive days in Asia/Shanghai. */
  from: filterDate,
  to: filterDate,
  page: filterPage(),
});

export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** The filter as query-string values, for paging links and "clear" links. */
export function auditFilterParams(filter: AuditFilter): Record<string, string | undefined> {
  return {
    actor: filter.actor,
    unitId: filter.unitId?.toString(),
    area: filter.area,
    action: filter.action,
    outcome: filter.outcome,
    subjectType: filter.subjectType,
    subjectId: filter.subjectId,
    from: filter.from,
    to: filter.to,
  };
}
