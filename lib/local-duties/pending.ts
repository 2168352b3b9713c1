import type { PrismaClient } from "@/lib/generated/prisma/client";
import { unpublishedChangeCondition } from "./fields";

/**
 * Generated from the definition of a duty's fields: every published field is compared. The text
 * holds no input at all (columns and keys are the definition's, checked there), so the query takes
 * no parameters and runs as plain SQL.
 */
const UNPUBLISHED_SQL = `
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
        OR ${unpublishedChangeCondition()}
    )
    SELECT c.unit_id AS "unitId", u.name AS "unitName" FROM changed c JOIN org_unit u ON u.id = c.unit_id ORDER BY u.name`;

/**
 * Units whose working local-duty list differs from their latest published version: a duty
 * added, removed or corrected since (what the maintenance page calls 有未公布的修改). One pass
 * over the active duties and the current versions' items; the fields compared come from
 * ./fields.ts (the same ones `hasUnpublishedChanges` compares in TypeScript).
 */
export async function unitsWithUnpublishedChanges(db: Pick<PrismaClient, "$queryRawUnsafe">): Promise<{ unitId: number; unitName: string }[]> {
  return db.$queryRawUnsafe<{ unitId: number; unitName: string }[]>(UNPUBLISHED_SQL);
}
