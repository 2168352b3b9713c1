import "server-only";
import { can, needsSubject, type Permission, type Subject, type SubjectFor, type SubjectPermission } from "@/lib/auth/policy";
import { getCurrentUser } from "@/lib/auth/session";
import { authorizeUser } from "@/lib/auth/authorize";
import type { SessionUser } from "@/lib/auth/types";
import { AppError, ERROR_MESSAGES, type ErrorCode } from "@/lib/errors";
import { contentDisposition } from "@/lib/export-cells";
import { routeId } from "@/lib/validation";

const STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  VALIDATION: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE: 409,
  LOCKED: 409,
  INVALID_STATE: 409,
  RATE_LIMITED: 429,
  BAD_FILE: 422,
  INTERNAL: 500,
};

const TYPES = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  binary: "application/octet-stream",
} as const;

/**
 * A file to download: always an attachment, never sniffed or rendered inline, never kept by a
 * shared cache. `fileName` is the Chinese name the browser saves; `fallback` an ASCII one.
 */
export function download(file: { body: Uint8Array | string; fileName: string; fallback: string; type: keyof typeof TYPES; sandbox?: boolean }): Response {
  const headers = new Headers({
    "Content-Type": TYPES[file.type],
    "Content-Disposition": contentDisposition(file.fileName, file.fallback),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
  });
  if (file.sandbox) headers.set("Content-Security-Policy", "sandbox");
  const body = typeof file.body === "string" ? file.body : new Uint8Array(file.body);
  return new Response(body, { headers });
}

/** A plain-text (or JSON, for `json: true` routes) refusal with the app's Chinese message. */
function refuse(status: number, message: string, json: boolean): Response {
  if (json) return Response.json({ ok: false, message }, { status });
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });
}

type Params = Record<string, string | string[] | undefined>;

type RouteContext<T> = { user: SessionUser; request: Request; params: Params; ids: Record<string, number>; loaded: T };

type RouteBase<T, P extends Permission> = {
  /** Checked for the signed-in user before anything is read; subject permissions also check `subject`. */
  permission: P;
  /** Route parameters that are ids: a malformed or out-of-range one answers 404 before any read. */
  ids?: string[];
  /** Loads what the request is about; null answers 404 with `notFound`. */
  load?: (ctx: Omit<RouteContext<never>, "loaded">) => Promise<T | null>;
  handle: (ctx: RouteContext<T>) => Promise<Response>;
  /** Chinese messages for 404 and 403 (default: the app's). */
  notFound?: string;
  forbidden?: string;
  /** The object's subject, for permissions that the table checks against one (required for those). */
  subject?: (loaded: T, user: SessionUser) => SubjectFor<P>;
  /** Answer a refused subject with 404 instead of 403, so probing cannot tell what exists. */
  hideForbidden?: boolean;
  /** Refusals as JSON `{ ok: false, message }` (for routes the browser calls with fetch). */
  json?: boolean;
};

/**
 * A workspace route handler's definition. Like actions, a permission that the table checks
 * against a subject needs `subject` (built from what `load` returned): leaving it out does not
 * compile.
 */
export type RouteSpec<T, P extends Permission> = RouteBase<T, P> & ([P] extends [SubjectPermission] ? { subject: unknown } : unknown);

/**
 * The one preamble of signed-in route handlers (downloads, exports, uploads): session, password
 * change, permission, ids, the object and its subject check, then `handle`; an AppError thrown
 * by `handle` answers with its Chinese message and status, anything else with a 500 that says so.
 */
export function workspaceRoute<T, P extends Permission>(spec: RouteSpec<T, P>) {
  const subjectOf = spec.subject as ((loaded: T, user: SessionUser) => Subject) | undefined;
  if (needsSubject(spec.permission) && !subjectOf) throw new Error(`${spec.permission} needs a subject`);
  const check = can as (user: SessionUser, permission: Permission, subject: Subject) => boolean;
  const json = spec.json ?? false;
  const notFound = spec.notFound ?? ERROR_MESSAGES.NOT_FOUND;

  return async function handler(request: Request, context?: { params: Promise<Params> }): Promise<Response> {
    try {
      // The same preamble as pages (lib/auth/session.ts); the subject is checked once loaded.
      const auth = authorizeUser(await getCurrentUser(), spec.permission);
      if (!auth.ok && auth.code === "UNAUTHENTICATED") return refuse(401, "请先登录。", json);
      if (!auth.ok && auth.code === "PASSWORD_CHANGE_REQUIRED") return refuse(403, ERROR_MESSAGES.PASSWORD_CHANGE_REQUIRED, json);
      if (!auth.ok) return refuse(403, spec.forbidden ?? ERROR_MESSAGES.FORBIDDEN, json);
      const { user } = auth;
      const params = (await context?.params) ?? {};
      const ids: Record<string, number> = {};
      for (const name of spec.ids ?? []) {
        const id = routeId(params[name]);
        if (id === null) return refuse(404, notFound, json);
        ids[name] = id;
      }
      const loaded = (spec.load ? await spec.load({ user, request, params, ids }) : undefined) as T;
      if (spec.load && loaded == null) return refuse(404, notFound, json);
      if (subjectOf && !check(user, spec.permission, subjectOf(loaded, user))) {
        return spec.hideForbidden ? refuse(404, notFound, json) : refuse(403, spec.forbidden ?? ERROR_MESSAGES.FORBIDDEN, json);
      }
      return await spec.handle({ user, request, params, ids, loaded });
    } catch (error) {
      if (error instanceof AppError) return refuse(STATUS[error.code], error.message, json);
      console.error("[route] unexpected failure", error);
      return refuse(500, ERROR_MESSAGES.INTERNAL, json);
    }
  };
}
