import { prisma } from "@/lib/db/client";
import { writeAudit, type Actor, type RequestMeta } from "./write";

export type Refusal = {
  code: "FORBIDDEN" | "NOT_FOUND";
  permission: string;
  /** "permission" for an action, "page" for a page (then subjectId is its path). */
  subjectType?: "permission" | "page";
  subjectId?: string;
  details?: Record<string, unknown>;
};

/**
 * A refused attempt (not allowed, or naming something that does not exist or is out of reach)
 * becomes a security event in the append-only audit log, so probing can be seen. It is written
 * in its own statement: the attempt's transaction, if any, has rolled back. Recording must never
 * turn a refusal into an error, so a failure to write is logged and swallowed.
 */
export async function recordRefusal(actor: Actor, meta: RequestMeta, refusal: Refusal) {
  try {
    await writeAudit(prisma, actor, meta, {
      action: refusal.code === "FORBIDDEN" ? "security.denied" : "security.notFound",
      subjectType: refusal.subjectType ?? "permission",
      subjectId: (refusal.subjectId ?? refusal.permission).slice(0, 300),
      after: { permission: refusal.permission, ...refusal.details },
      outcome: refusal.code === "FORBIDDEN" ? "DENIED" : "NOT_FOUND",
    });
  } catch (error) {
    console.error("[audit] could not record a refused attempt", error);
  }
}
