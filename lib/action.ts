import "server-only";
import { revalidatePath } from "next/cache";
import { signalPublicChange } from "@/lib/portal/page-cache-signal";
import { z } from "zod";
import { prisma, type Tx } from "@/lib/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { can, mayEnter, needsSubject, type Permission, type Subject, type SubjectFor, type SubjectPermission } from "@/lib/auth/policy";
import { requestMeta } from "@/lib/auth/request-meta";
import { writeAudit, type AuditEntry, type RequestMeta } from "@/lib/audit/write";
import { recordRefusal } from "@/lib/audit/security";
import type { SessionUser } from "@/lib/auth/types";
import { AppError, failure, type ActionResult } from "@/lib/errors";
import { UNSAFE_TEXT_MESSAGE, unsafeTextPath } from "@/lib/validation";
import { formDataToInput, type Action } from "@/lib/forms";

export type { Action, FormState } from "@/lib/forms";

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
  prepare?: (input: z.infer<S>, user: SessionUser, meta: RequestMeta) => Promise<P>;
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

/** The ids an attempt named (never free text or passwords), for the security event. */
export function idsOf(input: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!input || typeof input !== "object") return out;
  for (const [key, value] of Object.entries(input)) {
    if (!/^(id|key|.+Id|.+Ids|.+Key)$/.test(key) || /password/i.test(key)) continue;
    const plain = (v: unknown) => typeof v === "number" || (typeof v === "string" && v.length <= 64);
    if (plain(value)) out[key] = value;
    else if (Array.isArray(value) && value.every(plain)) out[key] = value.slice(0, 50);
  }
  return out;
}

async function refused(user: SessionUser, meta: RequestMeta, permission: Permission, code: "FORBIDDEN" | "NOT_FOUND", input: unknown) {
  await recordRefusal(user, meta, { code, permission, details: idsOf(input) });
}

/**
 * An action's input as callers write it: the schema's input type, where fields the schema fills
 * in itself (coerced, preprocessed, defaulted: their input type admits undefined) may be left out.
 * A field that is not in the schema still fails the build.
 */
export type InputOf<T> = T extends Uint8Array
  ? Uint8Array
  : T extends Date | Blob
    ? T
    : T extends readonly (infer E)[]
      ? InputOf<E>[]
      : T extends object
        ? { [K in keyof T as undefined extends T[K] ? K : never]?: InputOf<T[K]> } & {
            [K in keyof T as undefined extends T[K] ? never : K]: InputOf<T[K]>;
          }
        : T;

/**
 * The one way to write: parse input -> load session -> policy -> run the command and its audit
 * entries in one transaction -> revalidate. Expected failures come back as values.
 */
export function defineAction<S extends z.ZodType, R, P = undefined, Perm extends Permission = Permission>(
  spec: ActionSpec<S, R, P, Perm>,
): Action<InputOf<z.input<S>>, R> {
  const checkSubject = can as (user: SessionUser, permission: Permission, subject: Subject) => boolean;
  const loadSubject = spec.subject as ((input: z.infer<S>, tx: Tx, user: SessionUser) => Promise<Subject | false>) | undefined;
  // The types refuse a subject permission without a loader; this refuses it at run time too.
  if (needsSubject(spec.permission) && !loadSubject) throw new Error(`${spec.permission} needs a subject loader`);
  return async function action(first: unknown, second?: unknown): Promise<ActionResult<R>> {
    const form = second instanceof FormData ? second : first instanceof FormData ? first : null;
    const raw = form ? await formDataToInput(spec.schema, form) : first;
    // Text PostgreSQL cannot store (NUL, a lone surrogate) is refused in any field, declared or not.
    const unsafe = unsafeTextPath(raw);
    if (unsafe) return failure("VALIDATION", undefined, { [unsafe]: UNSAFE_TEXT_MESSAGE });
    const parsed = spec.schema.safeParse(raw);
    if (!parsed.success) return failure("VALIDATION", undefined, fieldErrorsOf(parsed.error));
    const user = await getCurrentUser();
    if (!user) return failure("UNAUTHENTICATED");
    if (user.mustChangePassword && spec.permission !== "account.changePassword") return failure("PASSWORD_CHANGE_REQUIRED");
    const meta = await requestMeta();
    if (!mayEnter(user, spec.permission)) {
      await refused(user, meta, spec.permission, "FORBIDDEN", parsed.data);
      return failure("FORBIDDEN");
    }
    try {
      const prepared = (spec.prepare ? await spec.prepare(parsed.data, user, meta) : undefined) as P;
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
      signalPublicChange();
      for (const path of spec.revalidate ?? []) revalidatePath(path, "layout");
      return { ok: true, data };
    } catch (error) {
      if (error instanceof AppError) {
        // The transaction has rolled back; the refusal is recorded on its own.
        if (error.code === "FORBIDDEN" || error.code === "NOT_FOUND") {
          await refused(user, meta, spec.permission, error.code, parsed.data);
        }
        return failure(error.code, error.message, error.fieldErrors);
      }
      const code = (error as { code?: string })?.code;
      if (code === "P2002") return failure("DUPLICATE");
      if (code === "P2025") {
        await refused(user, meta, spec.permission, "NOT_FOUND", parsed.data);
        return failure("NOT_FOUND");
      }
      console.error("[action] unexpected failure", error);
      return failure("INTERNAL");
    }
  };
}
