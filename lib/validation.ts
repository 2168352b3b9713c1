import { z } from "zod";
import { isRealDay } from "@/lib/dates";

// The building blocks of every area's schema.ts (and of the id in a page's URL), so that ids,
// texts and dates are checked one way with one set of Chinese messages. What reaches the
// database is always something PostgreSQL can store: an id that fits its INTEGER, text without
// NUL or broken UTF-16, a day that exists.

/** PostgreSQL INTEGER's upper bound: every id column is an INTEGER. */
export const MAX_ID = 2_147_483_647;

export const UNSAFE_TEXT_MESSAGE = "内容含有无法保存的字符（如空字符），请删除后重新填写";
export const INVALID_DATE_EXAMPLE = "2027-02-28";

/**
 * NUL and the other C0 control characters except tab and line ends (PostgreSQL refuses NUL; the
 * others break spreadsheet exports), the two non-characters U+FFFE/U+FFFF, and a surrogate half
 * without its partner (it cannot be written as UTF-8).
 */
const UNSAFE_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isSafeText(value: string): boolean {
  return !UNSAFE_CHAR.test(value);
}

/** Line ends as "\n", outer white space removed. */
function clean(value: string): string {
  return value.replace(/\r\n?/g, "\n").trim();
}

/**
 * The first string anywhere in a plain input (objects and arrays, not files or byte arrays) that
 * cannot be stored, as "path.to.field"; null when there is none. lib/action.ts refuses such input
 * before any schema runs, so a field that is not declared with `text()` is covered too.
 */
export function unsafeTextPath(value: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof value === "string") return isSafeText(value) ? null : path.join(".") || "_";
  if (depth > 20 || value === null || typeof value !== "object") return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unsafeTextPath(value[i], [...path, String(i)], depth + 1);
      if (found) return found;
    }
    return null;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return null;
  for (const [key, v] of Object.entries(value)) {
    const found = unsafeTextPath(key, [...path, key], depth + 1) ?? unsafeTextPath(v, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/* ---------- ids ---------- */

/**
 * An id as a form, a URL or a client component sends it: a whole number from 1 to MAX_ID, or a
 * string of decimal digits naming one. Leading zeros are allowed ("00012" is 12, as the public
 * pages have always read it); signs, spaces, decimals, exponents and hex ("1e3", "0x1F") are not.
 */
export function parseId(value: unknown): number | null {
  let n: number;
  if (typeof value === "number") n = value;
  else if (typeof value === "string" && /^\d{1,20}$/.test(value)) n = Number(value);
  else return null;
  return Number.isInteger(n) && n >= 1 && n <= MAX_ID ? n : null;
}

function idSchema(missing: string, invalid: string) {
  return z.union([z.number(), z.string()], { error: missing }).transform((v, ctx) => {
    const n = parseId(v);
    if (n === null) {
      ctx.addIssue({ code: "custom", message: v === "" ? missing : invalid });
      return z.NEVER;
    }
    return n;
  });
}

/** A required id (a hidden field, a row's id). */
export const id = idSchema("缺少编号，请刷新页面后重试", "编号有误，请刷新页面后重试");

/** A required id the user chooses, with the message to show when none (or a wrong one) is chosen: idOf("请选择所属单位"). */
export function idOf(message: string) {
  return idSchema(message, message);
}

/** The version of a record the user saw (its edit stamp); a different one in the database is a conflict. */
export const version = idSchema("缺少版本号，请刷新页面", "版本号有误，请刷新页面");

/** An id that may be left out: "", null and undefined become null. */
export const optionalId = z.preprocess((v) => (v === "" || v === undefined || v === null ? null : v), id.nullable());

/* ---------- text ---------- */

/**
 * Required text: line ends normalised, trimmed, at least `min` (default 1) and at most `max`
 * characters; refuses characters that cannot be stored.
 */
export function text(label: string, max: number, options: { min?: number } = {}) {
  const min = options.min ?? 1;
  return z
    .string({ error: `请填写${label}` })
    .refine(isSafeText, { message: UNSAFE_TEXT_MESSAGE, abort: true })
    .transform(clean)
    .pipe(
      // Blank says "fill it in" even where more than one character is needed.
      (min > 1
        ? z
            .string()
            .min(1, `请填写${label}`)
            // Not .min(min): a blank value should say only 请填写 (aborting would also skip the
            // object's own cross-field checks).
            .refine((v) => v.length === 0 || v.length >= min, `${label}至少 ${min} 个字`)
        : z.string().min(min, `请填写${label}`)).max(
        max,
        `${label}不能超过 ${max} 个字`,
      ),
    );
}

/** Optional text: like `text`, but blank, null or left out becomes null. */
export function optionalText(label: string, max: number) {
  return z
    .string()
    .refine(isSafeText, { message: UNSAFE_TEXT_MESSAGE, abort: true })
    .transform(clean)
    .pipe(z.string().max(max, `${label}不能超过 ${max} 个字`))
    .nullish()
    .transform((v) => (v ? v : null));
}

/** Optional text for a column that stores "" rather than null: blank or left out becomes "". */
export function textOrEmpty(label: string, max: number) {
  return optionalText(label, max).transform((v) => v ?? "");
}

/**
 * A free-text filter from the query string: trimmed; blank, too long, unstorable or repeated
 * values mean "no filter" rather than an error page.
 */
export function filterText(max: number) {
  return z
    .string()
    .refine(isSafeText)
    .transform((v) => v.trim())
    .pipe(z.string().max(max))
    .transform((v) => v || undefined)
    .optional()
    .catch(undefined);
}

/** An id filter from the query string: anything but a valid id means "no filter". */
export const filterId = z
  .unknown()
  .transform((v) => parseId(v) ?? undefined)
  .optional()
  .catch(undefined);

/** A page number from the query string: anything but 1…max means the first page. */
export function filterPage(max = 100_000) {
  return z.coerce.number().int().min(1).max(max).default(1).catch(1);
}

/* ---------- dates ---------- */

const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

/** Why a "YYYY-MM-DD" is not acceptable, or null when it is. */
export function dayProblem(value: string, label = "日期"): string | null {
  if (!isRealDay(value)) return `请填写有效的${label}（如 ${INVALID_DATE_EXAMPLE}）`;
  const year = Number(value.slice(0, 4));
  if (year < MIN_YEAR || year > MAX_YEAR) return `${label}应在 ${MIN_YEAR} 年至 ${MAX_YEAR} 年之间`;
  return null;
}

function daySchema(label: string) {
  return z.string({ error: `请填写${label}` }).superRefine((v, ctx) => {
    const problem = v.trim() === "" ? `请填写${label}` : dayProblem(v, label);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}

/** A required calendar day "YYYY-MM-DD" that exists (2027-02-31 and 2026-13-45 do not). */
export function date(label = "日期") {
  return daySchema(label);
}

/** An optional calendar day: "", null or left out become null; anything else must be a real day. */
export function optionalDate(label = "日期") {
  return z.preprocess((v) => (v === "" || v === undefined || v === null ? null : v), daySchema(label).nullable());
}

/** A day filter from the query string: anything but a real day means "no filter". */
export const filterDate = z
  .string()
  .refine((v) => dayProblem(v) === null)
  .optional()
  .catch(undefined);

/**
 * "YYYY-MM-DDTHH:mm" as a datetime-local field sends it, read as Beijing time; the day must exist
 * and the time be 00:00–23:59.
 */
export function localDateTime(label: string) {
  return z
    .string({ error: `请填写${label}` })
    .superRefine((v, ctx) => {
      const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(v);
      const ok = m && dayProblem(m[1]) === null && Number(m[2]) <= 23 && Number(m[3]) <= 59;
      if (!ok) ctx.addIssue({ code: "custom", message: v.trim() === "" ? `请填写${label}` : `请填写${label}，例如 2026-03-02 09:30（须为实际存在的日期和时间）` });
    })
    .transform((v) => new Date(`${v}:00+08:00`));
}

/* ---------- route parameters ---------- */

type RouteParam = string | string[] | undefined;

/**
 * The id in a URL segment or query parameter, or null when it is not one (a page answers
 * notFound(), a route handler 404): `const id = routeId(params.id) ?? notFound()`.
 */
export function routeId(value: RouteParam): number | null {
  return typeof value === "string" ? parseId(value) : null;
}

/**
 * A free-form key in a URL segment (an item key, a token, a format), percent-decoded once when
 * it still is encoded, or null when it is malformed, too long or holds characters that cannot
 * be stored.
 */
export function routeKey(value: RouteParam, max = 100): string | null {
  if (typeof value !== "string") return null;
  let key = value;
  if (/%[0-9A-Fa-f]{2}/.test(key)) {
    try {
      key = decodeURIComponent(key);
    } catch {
      return null;
    }
  }
  if (key === "" || key.length > max || !isSafeText(key)) return null;
  return key;
}
