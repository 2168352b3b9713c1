import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/types";
import type { AuditAction, AuditSubjectType } from "./events";

export type RequestMeta = { address: string | null; userAgent: string | null };

export type { AuditAction, AuditSubjectType };

export type AuditEntry = {
  /** One of the registered events (lib/audit/events.ts): a new action needs a label there first. */
  action: AuditAction;
  subjectType?: AuditSubjectType;
  subjectId?: string | number | null;
  before?: unknown;
  after?: unknown;
  /** Defaults to SUCCESS; a refused attempt is recorded with DENIED, NOT_FOUND or FAILED. */
  outcome?: "SUCCESS" | "DENIED" | "NOT_FOUND" | "FAILED";
};

export type Actor = Pick<SessionUser, "id" | "displayName" | "roles" | "unitId" | "unitName"> | null;

function json(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  // Dates and BigInts become plain JSON; passwords never reach the log.
  return JSON.parse(
    JSON.stringify(value, (key, v) => {
      if (key === "passwordHash" || key === "password") return "[已隐去]";
      return typeof v === "bigint" ? v.toString() : v;
    }),
  );
}

/** Appends one audit row inside the caller's transaction. Audit rows are never updated or deleted. */
export async function writeAudit(tx: Tx, actor: Actor, meta: RequestMeta, entry: AuditEntry) {
  await tx.auditLog.create({
    data: {
      actorId: actor?.id || null,
      actorName: actor?.displayName ?? null,
      actorRoles: actor?.roles.join(",") ?? null,
      unitId: actor?.unitId ?? null,
      unitName: actor?.unitName ?? null,
      action: entry.action,
      subjectType: entry.subjectType ?? null,
      subjectId: entry.subjectId == null ? null : String(entry.subjectId),
      before: json(entry.before),
      after: json(entry.after),
      address: meta.address?.slice(0, 100) ?? null,
      userAgent: meta.userAgent?.slice(0, 500) ?? null,
      outcome: entry.outcome ?? "SUCCESS",
    },
  });
}
