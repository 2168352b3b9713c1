import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Units whose working local-duty list differs from their latest published version: a duty
 * added, removed or corrected since (what the maintenance page calls 有未公布的修改). One pass
 * over the active duties and the current versions' items.
 */
export async function unitsWithUnpublishedChanges(db: Pick<PrismaClient, "$queryRaw">): Promise<{ unitId: number; unitName: string }[]> {
  return db.$queryRaw<{ unitId: number; unitName: string }[]>`
    WITH latest AS (
      SELECT DISTINCT ON (unit_id) unit_id, items FROM local_duty_list_version ORDER BY unit_id, version_no DESC
    ), published AS (
      SELECT l.unit_id, (e ->> 'id')::int AS id, e FROM latest l, jsonb_array_elements(l.items) e
    ), working AS (
      SELECT * FROM local_duty WHERE active
    ), changed AS (
      SELECT DISTINCT coalesce(w.unit_id, p.unit_id) AS unit_id
      FROM working w FULL JOIN published p ON p.id = w.id
      WHERE w.id IS NULL OR p.id IS NULL
        OR w.name IS DISTINCT FROM p.e ->> 'name'
        OR w.duty_type IS DISTINCT FROM p.e ->> 'dutyType'
        OR w.department_name IS DISTINCT FROM p.e ->> 'departmentName'
        OR w.department_duty IS DISTINCT FROM p.e ->> 'departmentDuty'
        OR w.local_duty IS DISTINCT FROM p.e ->> 'localDuty'
        OR w.legal_basis IS DISTINCT FROM p.e ->> 'legalBasis'
        OR w.lead_responsibility IS DISTINCT FROM p.e ->> 'leadResponsibility'
        OR w.support_responsibility IS DISTINCT FROM p.e ->> 'supportResponsibility'
    )
    SELECT c.unit_id AS "unitId", u.name AS "unitName" FROM changed c JOIN org_unit u ON u.id = c.unit_id ORDER BY u.name`;
}
