import type { PrismaClient } from "@/lib/generated/prisma/client";
import { likeEscape } from "@/lib/lists/text";

type Db = PrismaClient;

export type LocalDutyHit = { unitId: number; unitName: string; versionNo: number; name: string; dutyType: string; departmentName: string; total: number };

/**
 * Duties in force (each unit's latest published version) whose name or duties contain `q`.
 * The lists are small (tens of duties a unit), so a scan of the current versions does.
 */
export async function searchCurrentDuties(db: Pick<Db, "$queryRaw">, q: string, limit = 20): Promise<LocalDutyHit[]> {
  const pattern = `%${likeEscape(q)}%`;
  return db.$queryRaw<LocalDutyHit[]>`
    SELECT v.unit_id AS "unitId", v.unit_name AS "unitName", v.version_no AS "versionNo",
      e ->> 'name' AS name, coalesce(e ->> 'dutyType', '') AS "dutyType", coalesce(e ->> 'departmentName', '') AS "departmentName",
      (count(*) OVER ())::int AS total
    FROM (SELECT DISTINCT ON (unit_id) unit_id, unit_name, version_no, items FROM local_duty_list_version ORDER BY unit_id, version_no DESC) v,
      jsonb_array_elements(v.items) e
    WHERE (e ->> 'name') ILIKE ${pattern} OR (e ->> 'localDuty') ILIKE ${pattern} OR (e ->> 'departmentDuty') ILIKE ${pattern}
    ORDER BY v.unit_name, (e ->> 'position')::int
    LIMIT ${limit}`;
}
