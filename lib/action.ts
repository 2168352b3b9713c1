import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { prisma, type Tx } from "@/lib/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { can, mayEnter, needsSubject, type Permission, type Subject, type SubjectFor, type SubjectPermission } from "@/lib/auth/policy";
import { requestMeta } from "@/lib/auth/request-meta";
import { writeAudit, type AuditEntry, type RequestMeta } from "@/lib/audit/write";
import type { SessionUser } from "@/lib/auth/types";
import { AppError, failure, type ActionResult } from "@/lib/errors";
import { UNSAFE_TEXT_MESSAGE, unsafeTextPath } from "@/lib/validation";

export type CommandContext = {
  tx: Tx;
  user: SessionUser;
  meta: RequestMeta;
  audit: (entry: AuditEntry) => Promise<void>;
};

/** Loads the subject (inside the transaction) so the policy sees current database state; false: not found. */
export type SubjectLoader<S extends z.ZodType, Perm extends Permission> = (input: z.infer<S>, tx: Tx, user: SessionUser) => Promise<SubjectFor<Perm> | false>;

type ActionBase<S extends z.ZodType, R, P, Perm extends Permission> = {
  schema: S;
  permission: Perm;
  /**
   * Slow work that needs no database, such as parsing an uploaded file in a worker thread: runs
   * after the permission check and before the transaction opens, so it holds no connection while
   * it waits. Its result reaches `run` as `ctx.prepared`. It may throw AppError like `run`.
   */
  prepare?: (input: z.infer<S>, user: SessionUser) => Promise<P>;
  run: (input: z.infer<S>, ctx: CommandContext & { prepared: P }) => Promise<R>;
  revalidate?: string[];
  /** Transaction time limit; raise it only for bulk writes (e.g. opening a province-wide round). */
  timeoutMs?: number;
};

/**
 * An action's definition. A permission that the table checks against a subject needs a subject
 * loader here: leaving it out does not compile (and a role-only permission takes none).
 */
export type ActionSpec<S extends z.ZodType, R, P = undefined, Perm extends Permission = Permission> = ActionBase<S, R, P, Perm> &
  ([Perm] extends [SubjectPermission]
    ? { subject: SubjectLoader<S, Perm> }
    : {
        /** Optional for role-only permissions: loads the object so that a missing one answers NOT_FOUND. */
        subject?: (input: z.infer<S>, tx: Tx, user: SessionUser) => Promise<Subject | false>;
      });

/** Turns zod issues into one Chinese message per field (first issue wins). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    out[key] ??= issue.message;
  }
  return out;
}

/**
 * The one way to write: parse input -> load session -> policy -> run the command and its audit
 * entries in one transaction -> revalidate. Expected failures come back as values.
 */
export function defineAction<S extends z.ZodType, R, P = undefined, Perm extends Permission = Permission>(spec: ActionSpec<S, R, P, Perm>) {
  const checkSubject = can as (user: SessionUser, permission: Permission, subject: Subject) => boolean;
  const loadSubject = spec.subject as ((input: z.infer<S>, tx: Tx, user: SessionUser) => Promise<Subject | false>) | undefined;
  // The types refuse a subject permission without a loader; this refuses it at run time too.
  if (needsSubject(spec.permission) && !loadSubject) throw new Error(`${spec.permission} needs a subject loader`);
  return async function action(raw: unknown): Promise<ActionResult<R>> {
    // Text PostgreSQL cannot store (NUL, a lone surrogate) is refused in any field, declared or not.
    const unsafe = unsafeTextPath(raw);
    if (unsafe) return failure("VALIDATION", undefined, { [unsafe]: UNSAFE_TEXT_MESSAGE });
    const parsed = spec.schema.safeParse(raw);
    if (!parsed.success) return failure("VALIDATION", undefined, fieldErrorsOf(parsed.error));
    const user = await getCurrentUser();
    if (!user) return failure("UNAUTHENTICATED");
    if (user.mustChangePassword && spec.permission !== "account.changePassword") return failure("PASSWORD_CHANGE_REQUIRED");
    if (!mayEnter(user, spec.permission)) return failure("FORBIDDEN");
    const meta = await requestMeta();
    try {
      const prepared = (spec.prepare ? await spec.prepare(parsed.data, user) : undefined) as P;
      const data = await prisma.$transaction(
        async (tx) => {
          if (loadSubject) {
            const subject = await loadSubject(parsed.data, tx, user);
            if (subject === false) throw new AppError("NOT_FOUND");
            if (!checkSubject(user, spec.permission, subject)) throw new AppError("FORBIDDEN");
          }
          return spec.run(parsed.data, {
            tx,
            user,
            meta,
            prepared,
            audit: (entry) => writeAudit(tx, user, meta, entry),
          });
        },
        { timeout: spec.timeoutMs ?? 30_000, maxWait: 10_000 },
      );
      for (const path of spec.revalidate ?? []) revalidatePath(path, "layout");
      return { ok: true, data };
    } catch (error) {
      if (error instanceof AppError) return failure(error.code, error.message, error.fieldErrors);
      const code = (error as { code?: string })?.code;
      if (code === "P2002") return failure("DUPLICATE");
      if (code === "P2025") return failure("NOT_FOUND");
      console.error("[action] unexpected failure", error);
      return failure("INTERNAL");
    }
  };
}
