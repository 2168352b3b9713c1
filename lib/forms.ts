import type { z } from "zod";
import type { ActionResult } from "@/lib/errors";
import { fileTooLargeMessage } from "@/lib/uploads";

/*
 * Forms and their zod schemas, on both sides: the server turns a submitted FormData into the
 * schema's input (so a form posts natively before the page is interactive and still means the
 * same thing), and the client reads limits such as maxLength from the same schema instead of
 * re-typing them.
 *
 * Field names follow the schema's paths: `name`, `subItems.0.name`; a name repeated in the form
 * becomes an array where the schema wants one. A hidden `__json` field may carry a JSON object
 * for forms whose state does not map onto fields (bulk tables); its keys are merged in first,
 * and named fields override them.
 */

type Def = { type: string; [key: string]: unknown };
type Schema = { _zod: { def: Def; bag?: Record<string, unknown> } };

const defOf = (schema: unknown): Def | null => ((schema as Schema | null)?._zod?.def as Def) ?? null;

/** The JSON field name for forms that send structured state. */
export const JSON_FIELD = "__json";

const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "catch", "readonly", "nonoptional", "success"]);

/** The schema a value really has to match, through wrappers, preprocess and transforms. */
function core(schema: unknown): { schema: unknown; optional: boolean; nullable: boolean } {
  let optional = false;
  let nullable = false;
  let s = schema;
  for (let i = 0; i < 50; i++) {
    const def = defOf(s);
    if (!def) break;
    if (WRAPPERS.has(def.type)) {
      if (def.type === "optional" || def.type === "default" || def.type === "prefault" || def.type === "catch") optional = true;
      if (def.type === "nullable") nullable = true;
      s = def.innerType;
    } else if (def.type === "pipe") {
      // z.preprocess(fn, out) is a pipe from a transform; schema.transform(fn) a pipe into one.
      const inDef = defOf(def.in);
      s = inDef?.type === "transform" ? def.out : def.in;
    } else if (def.type === "lazy") {
      s = (def.getter as () => unknown)();
    } else break;
  }
  return { schema: s, optional, nullable };
}

function shapeOf(def: Def): Record<string, unknown> | null {
  const shape = def.shape as Record<string, unknown> | undefined;
  return shape ?? null;
}

/** The schema of one field (dotted path, numeric parts index arrays), or null when unknown. */
export function schemaAt(schema: unknown, path: string): unknown {
  let s: unknown = schema;
  for (const part of path.split(".")) {
    const { schema: c } = core(s);
    const def = defOf(c);
    if (!def) return null;
    if (def.type === "object") s = shapeOf(def)?.[part];
    else if (def.type === "array") s = /^\d+$/.test(part) ? def.element : null;
    else if (def.type === "record") s = def.valueType;
    else if (def.type === "intersection") s = schemaAt(def.left, part) ?? schemaAt(def.right, part);
    else if (def.type === "union") s = ((def.options as unknown[]) ?? []).map((o) => schemaAt(o, part)).find(Boolean) ?? null;
    else return null;
    if (!s) return null;
  }
  return s;
}

export type FieldLimits = { maxLength?: number; minLength?: number; min?: number; max?: number; maxFileBytes?: number; required: boolean };

type Meta = { maxFileBytes?: number };
type WithMeta = { meta?: (m?: Meta) => unknown };

/**
 * Marks a file field (one file, or a list of files) with its size limit, so a form refuses a
 * larger file before sending it (useActionForm) with the same message the schema gives. The
 * schema still checks the size itself: this only lets the browser say so first.
 */
export function withFileLimit<S>(schema: S, maxFileBytes: number): S {
  return (schema as WithMeta).meta!({ maxFileBytes }) as S;
}

/**
 * The first file in a submission that is over its field's limit (withFileLimit), with the field
 * and the message the server would give; null when every file fits. Checked before sending: a
 * file far above its limit is megabytes the server would only refuse.
 */
export function oversizedFile(schema: unknown, data: FormData): { field: string; message: string } | null {
  for (const [name, value] of data.entries()) {
    if (typeof value === "string" || value.size === 0) continue;
    const max = limitsOf(schema, name).maxFileBytes;
    if (max === undefined || value.size <= max) continue;
    const many = data.getAll(name).length > 1 || defOf(core(schemaAt(schema, name)).schema)?.type === "array";
    return { field: name, message: `${many ? `${value.name}：` : ""}${fileTooLargeMessage(max)}` };
  }
  return null;
}

/** The size limit withFileLimit put on a field, through wrappers, pipes and arrays. */
function fileLimitOf(schema: unknown, depth = 0): number | undefined {
  const def = defOf(schema);
  if (!def || depth > 50) return undefined;
  const own = (schema as WithMeta).meta?.() as Meta | undefined;
  if (typeof own?.maxFileBytes === "number") return own.maxFileBytes;
  if (WRAPPERS.has(def.type)) return fileLimitOf(def.innerType, depth + 1);
  if (def.type === "pipe") return fileLimitOf(def.in, depth + 1) ?? fileLimitOf(def.out, depth + 1);
  if (def.type === "array") return fileLimitOf(def.element, depth + 1);
  return undefined;
}

/**
 * Every string or number schema a value passes through: wrappers are unwrapped and both sides of
 * a pipe are followed, so `text()` (a refine, a transform, then a checked string) shows its limits.
 */
function checkedNodes(schema: unknown, out: { type: string; node: unknown }[] = [], depth = 0): { type: string; node: unknown }[] {
  const def = defOf(schema);
  if (!def || depth > 50) return out;
  if (WRAPPERS.has(def.type)) return checkedNodes(def.innerType, out, depth + 1);
  if (def.type === "pipe") {
    checkedNodes(def.in, out, depth + 1);
    return checkedNodes(def.out, out, depth + 1);
  }
  if (def.type === "lazy") return checkedNodes((def.getter as () => unknown)(), out, depth + 1);
  if (def.type === "string" || def.type === "number") out.push({ type: def.type, node: schema });
  return out;
}

/** maxLength, min/max and required of one field, read from the schema for the input's attributes. */
export function limitsOf(schema: unknown, path: string): FieldLimits {
  const field = schemaAt(schema, path);
  if (!field) return { required: false };
  const { schema: c, optional, nullable } = core(field);
  const def = defOf(c);
  const out: FieldLimits = { required: !optional && !nullable && def?.type !== "boolean" };
  const maxFileBytes = fileLimitOf(field);
  if (maxFileBytes !== undefined) out.maxFileBytes = maxFileBytes;
  type Getters = { minLength?: number | null; maxLength?: number | null; minValue?: number | null; maxValue?: number | null };
  const nodes = checkedNodes(field);
  const tightest = (values: (number | null | undefined)[], pick: (a: number, b: number) => number) =>
    values.filter((v): v is number => typeof v === "number" && Number.isFinite(v)).reduce<number | undefined>((a, v) => (a === undefined ? v : pick(a, v)), undefined);
  const strings = nodes.filter((n) => n.type === "string").map((n) => n.node as Getters);
  const numbers = nodes.filter((n) => n.type === "number").map((n) => n.node as Getters);
  if (def?.type === "string" || (strings.length && !numbers.length)) {
    const maxLength = tightest(strings.map((g) => g.maxLength), Math.min);
    const minLength = tightest(strings.map((g) => g.minLength), Math.max);
    if (maxLength !== undefined) out.maxLength = maxLength;
    if (minLength !== undefined && minLength > 0) out.minLength = minLength;
    else out.required = false;
  } else if (numbers.length) {
    const max = tightest(numbers.map((g) => g.maxValue), Math.min);
    const min = tightest(numbers.map((g) => g.minValue), Math.max);
    if (max !== undefined) out.max = max;
    if (min !== undefined) out.min = min;
  }
  return out;
}

type Raw = unknown;

function setPath(target: Record<string, Raw>, path: string[], value: Raw) {
  let node = target;
  for (let i = 0; i < path.length - 1; i++) {
    const next = node[path[i]];
    if (next === null || typeof next !== "object" || Array.isArray(next)) node[path[i]] = {};
    node = node[path[i]] as Record<string, Raw>;
  }
  const last = path[path.length - 1];
  const prev = node[last];
  if (prev === undefined) node[last] = value;
  else if (Array.isArray(prev)) prev.push(value);
  else node[last] = [prev, value];
}

const isPlainObject = (v: unknown): v is Record<string, Raw> => v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Blob);

/** Coerces form values (strings, files, nested maps) to what the schema expects. */
export function coerce(schema: unknown, value: Raw): Raw {
  const { schema: c, optional, nullable } = core(schema);
  const def = defOf(c);
  if (!def) return value;
  if (value === "" && def.type !== "string" && def.type !== "enum" && def.type !== "literal") {
    if (optional) return undefined;
    if (nullable) return null;
  }
  switch (def.type) {
    case "number":
    case "int":
    case "bigint": {
      const v = Array.isArray(value) ? value[value.length - 1] : value;
      if (typeof v !== "string") return v;
      if (v.trim() === "") return optional ? undefined : nullable ? null : v;
      const n = Number(v.trim());
      return Number.isNaN(n) ? v : def.type === "bigint" ? BigInt(Math.trunc(n)) : n;
    }
    case "boolean": {
      const v = Array.isArray(value) ? value[value.length - 1] : value;
      if (v === undefined || v === null) return false; // an unchecked checkbox is not submitted
      if (typeof v !== "string") return v;
      return v === "on" || v === "true" || v === "1" || v === "yes";
    }
    case "literal": {
      const values = (def.values as unknown[]) ?? [];
      const v = Array.isArray(value) ? value[value.length - 1] : value;
      if (typeof v === "string") {
        const hit = values.find((l) => String(l) === v);
        if (hit !== undefined) return hit;
        if (v === "" && optional) return undefined;
      }
      return v;
    }
    case "enum": {
      const v = Array.isArray(value) ? value[value.length - 1] : value;
      if (v === "" && (optional || nullable)) return optional ? undefined : null;
      const entries = Object.values((def.entries as Record<string, unknown>) ?? {});
      if (typeof v === "string") {
        const hit = entries.find((e) => String(e) === v);
        if (hit !== undefined) return hit;
      }
      return v;
    }
    case "string": {
      const v = Array.isArray(value) ? value[value.length - 1] : value;
      // An optional text left empty is "not given"; a nullable one is the schema's to decide.
      if (v === "" && optional && !nullable) return undefined;
      return v;
    }
    case "array": {
      let list: Raw[];
      if (value === undefined || value === null || value === "") list = [];
      else if (Array.isArray(value)) list = value;
      else if (isPlainObject(value)) {
        list = Object.keys(value)
          .filter((k) => /^\d+$/.test(k))
          .sort((a, b) => Number(a) - Number(b))
          .map((k) => value[k]);
      } else list = [value];
      return list.map((v) => coerce(def.element, v));
    }
    case "object": {
      if (!isPlainObject(value)) return value;
      const shape = shapeOf(def) ?? {};
      const out: Record<string, Raw> = { ...value };
      for (const [key, field] of Object.entries(shape)) {
        const v = coerce(field, value[key]);
        if (v === undefined) delete out[key];
        else out[key] = v;
      }
      return out;
    }
    case "record": {
      if (!isPlainObject(value)) return value;
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, coerce(def.valueType, v)]));
    }
    case "intersection":
      return coerce(def.right, coerce(def.left, value));
    case "union": {
      const options = (def.options as unknown[]) ?? [];
      const discriminator = def.discriminator as string | undefined;
      if (discriminator && isPlainObject(value)) {
        const match = options.find((o) => {
          const d = schemaAt(o, discriminator);
          const values = ((defOf(core(d).schema)?.values as unknown[]) ?? []).map(String);
          return values.includes(String(value[discriminator]));
        });
        if (match) return coerce(match, value);
      }
      for (const option of options) {
        const v = coerce(option, value);
        if ((option as z.ZodType).safeParse?.(v).success) return v;
      }
      return value;
    }
    default:
      if (value instanceof Blob && bytesOf.has(value) && !(c as z.ZodType).safeParse?.(value).success) return bytesOf.get(value);
      return value;
  }
}

/** File contents read before coercion, for schemas that take bytes rather than a File. */
const bytesOf = new WeakMap<Blob, Uint8Array>();

/** The schema's input from a submitted form (React's own `$ACTION_…` fields are left out). */
export async function formDataToInput(schema: unknown, form: FormData): Promise<Raw> {
  for (const value of form.values()) {
    if (value instanceof Blob && value.size > 0 && !bytesOf.has(value)) bytesOf.set(value, new Uint8Array(await value.arrayBuffer()));
  }
  const raw: Record<string, Raw> = {};
  const json = form.get(JSON_FIELD);
  if (typeof json === "string" && json) {
    try {
      const parsed = JSON.parse(json);
      if (isPlainObject(parsed)) Object.assign(raw, parsed);
    } catch {
      // Malformed JSON is simply absent; the schema then reports the missing fields.
    }
  }
  const named: Record<string, Raw> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$") || key === JSON_FIELD) continue;
    // A file input left empty submits an empty, unnamed file: that is "no file". (Next's decoder
    // of a server action's multipart body names such a part "undefined".)
    if (value instanceof Blob && value.size === 0 && (!(value as File).name || (value as File).name === "undefined")) continue;
    setPath(named, key.split("."), value);
  }
  for (const [key, value] of Object.entries(named)) raw[key] = value;
  return coerce(schema, raw);
}

/** What a form shows after its last submission: nothing yet, or the action's result. */
export type FormState<R = unknown> = ActionResult<R> | null;

/**
 * An action as callers see it: with the schema's input (so a wrong field name fails the build),
 * with a FormData, or as a React form action `(previousState, formData)` for `useActionState`,
 * which lets a `<form action>` post before the page is interactive.
 */
export type Action<I, R> = {
  (input: I | FormData): Promise<ActionResult<R>>;
  (state: FormState<R>, form: FormData): Promise<ActionResult<R>>;
};


/** Any action, for generic components (a button or one-field form over whichever action). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAction = Action<any, any>;

/** A FormData carrying structured values as JSON (read by `formDataToInput`). */
export function jsonFormData(values: Record<string, unknown>): FormData {
  const data = new FormData();
  data.set(JSON_FIELD, JSON.stringify(values));
  return data;
}
