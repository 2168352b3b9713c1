import { z } from "zod";
import { filterDate, filterId, filterPage, filterText } from "@/lib/validation";

export const auditFilterSchema = z.object({
  /** Matches the actor's display name, or the user name of the acting account. */
  actor: filterText(50),
  /** The actor's unit at the time of the entry. */
  unitId: filterId,
  /** An action name, or a family of actions written as "user.*". */
  action: filterText(100),
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
    action: filter.action,
    subjectType: filter.subjectType,
    subjectId: filter.subjectId,
    from: filter.from,
    to: filter.to,
  };
}
