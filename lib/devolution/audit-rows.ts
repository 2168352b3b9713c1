import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/types";
import type { AuditAction, AuditSubjectType, RequestMeta } from "@/lib/audit/write";

/**
 * One audit row per changed record, written with one statement: a bulk step touches hundreds of
 * rows and each keeps its own trail. Same columns as `writeAudit`.
 */
export async function auditRows(
  tx: Tx,
  user: SessionUser,
  meta: RequestMeta,
  action: AuditAction,
  subjectType: AuditSubjectType,
  rows: { id: number | string; before?: unknown; after?: unknown }[],
) {
  if (!rows.length) return;
  const json = (v: unknown) => (v == null ? undefined : (JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue));
  await tx.auditLog.createMany({
    data: rows.map((r) => ({
      actorId: user.id,
      actorName: user.displayName,
      actorRoles: user.roles.join(","),
      unitId: user.unitId,
      unitName: user.unitName,
      action,
      subjectType,
      subjectId: String(r.id),
      before: json(r.before),
      after: json(r.after),
      address: meta.address?.slice(0, 100) ?? null,
      userAgent: meta.userAgent?.slice(0, 500) ?? null,
    })),
  });
}
