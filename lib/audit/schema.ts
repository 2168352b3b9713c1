import { z } from "zod";
import { AUDIT_AREAS, AUDIT_OUTCOMES } from "./events";

/** Optional free text: blank, too long or repeated query values count as "no filter". */
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || undefined)
    .optional()
    .catch(undefined);

/** A calendar day as YYYY-MM-DD; impossible dates such as 2025-02-30 are dropped. */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  })
  .optional()
  .catch(undefined);

export const auditFilterSchema = z.object({
  /** Matches the actor's display name, or the user name of the acting account. */
  actor: text(50),
  /** The actor's unit at the time of the entry. */
  unitId: z.coerce.number().int().positive().optional().catch(undefined),
  /** An area of the system (lib/audit/events.ts AUDIT_AREAS): every action of that area. */
  area: z.enum(Object.keys(AUDIT_AREAS) as [keyof typeof AUDIT_AREAS, ...(keyof typeof AUDIT_AREAS)[]]).optional().catch(undefined),
  /** An action name, or a family of actions written as "user.*". */
  action: text(100),
  /** SUCCESS, DENIED, NOT_FOUND, FAILED, or PROBLEM for every entry that did not succeed. */
  outcome: z.enum([...(Object.keys(AUDIT_OUTCOMES) as (keyof typeof AUDIT_OUTCOMES)[]), "PROBLEM"]).optional().catch(undefined),
  subjectType: text(50),
  subjectId: text(100),
  /** Inclusive days in Asia/Shanghai. */
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(100000).default(1).catch(1),
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
