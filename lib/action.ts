import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { prisma, type Tx } from "@/lib/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { can, type Permission, type Subject } from "@/lib/auth/policy";
import { requestMeta } from "@/lib/auth/request-meta";
import { writeAudit, type AuditEntry, type RequestMeta } from "@/lib/audit/write";
import type { SessionUser } from "@/lib/auth/types";
import { AppError, failure, type ActionResult } from "@/lib/errors";
import { formDataToInput, type Action } from "@/lib/forms";

export type { Action, FormState } from "@/lib/forms";

export type CommandContext = {
  tx: Tx;
  user: SessionUser;
  meta: RequestMeta;
  audit: (entry: AuditEntry) => Promise<void>;
};

export type ActionSpec<S extends z.ZodType, R, P = undefined> = {
  schema: S;
  permission: Permission;
  /** Loads the subject (inside the transaction) so the policy sees current database state. */
  subject?: (input: z.infer<S>, tx: Tx, user: SessionUser) => Promise<Subject | false>;
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
export function defineAction<S extends z.ZodType, R, P = undefined>(spec: ActionSpec<S, R, P>): Action<InputOf<z.input<S>>, R> {
  return async function action(first: unknown, second?: unknown): Promise<ActionResult<R>> {
    const form = second instanceof FormData ? second : first instanceof FormData ? first : null;
    const raw = form ? await formDataToInput(spec.schema, form) : first;
    const parsed = spec.schema.safeParse(raw);
    if (!parsed.success) return failure("VALIDATION", undefined, fieldErrorsOf(parsed.error));
    const user = await getCurrentUser();
    if (!user) return failure("UNAUTHENTICATED");
    if (user.mustChangePassword && spec.permission !== "account.changePassword") return failure("PASSWORD_CHANGE_REQUIRED");
    if (!can(user, spec.permission)) return failure("FORBIDDEN");
    const meta = await requestMeta();
    try {
      const prepared = (spec.prepare ? await spec.prepare(parsed.data, user) : undefined) as P;
      const data = await prisma.$transaction(
        async (tx) => {
          if (spec.subject) {
            const subject = await spec.subject(parsed.data, tx, user);
            if (subject === false) throw new AppError("NOT_FOUND");
            if (!can(user, spec.permission, subject)) throw new AppError("FORBIDDEN");
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
