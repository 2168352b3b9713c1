import { z } from "zod";
import { id, text, textOrEmpty } from "@/lib/validation";

/*
 * The fields of one 属地管理事项 (a row of a 属地管理事项清单), defined once. Everything that
 * lists a duty's fields derives from this table: the form's zod schema and inputs, the published
 * snapshot, the version diff, the spreadsheet export and import headers, the open-data API and
 * the check that decides "有未公布的修改" (in TypeScript and in SQL). A new field is one entry here
 * (plus its column in prisma/schema.prisma and a migration).
 */

export type DutyFieldDef = {
  /** Name in the database model, the form, the snapshot and the API. */
  key: string;
  /** Column header and form label (some depend on the unit, see dutyLabels). */
  label: string;
  /** Longest text accepted. */
  max: number;
  /** Shortest text accepted (1 when omitted: required). */
  min?: number;
  /** One line, several lines, or a department (chosen from the units, or written). */
  input: "line" | "text" | "department";
  hint?: string;
  /** Width of the column in the .xlsx export. */
  width: number;
  /** Column in the local_duty table (for the SQL comparison with the published version). */
  column: string;
  /** Whether a change of this field is a change of the list, i.e. needs a new published version. */
  published: boolean;
};

export const DUTY_FIELDS = [
  { key: "dutyType", label: "事项类型", max: 30, input: "line", hint: "如：城市管理、安全生产、公共服务", width: 12, column: "duty_type", published: true },
  { key: "name", label: "事项名称", max: 100, min: 2, input: "line", width: 28, column: "name", published: true },
  { key: "departmentName", label: "责任部门", max: 60, input: "department", hint: "上级或垂直管理部门等不在系统中的单位", width: 18, column: "department_name", published: true },
  { key: "departmentDuty", label: "部门职责", max: 2000, input: "text", width: 36, column: "department_duty", published: true },
  { key: "localDuty", label: "街道（社区）职责", max: 2000, input: "text", width: 36, column: "local_duty", published: true },
  {
    key: "legalBasis",
    label: "法律法规及文件依据",
    max: 2000,
    input: "text",
    hint: "写明文件名称和条款，例如《城市市容和环境卫生管理条例》第十条。",
    width: 36,
    column: "legal_basis",
    published: true,
  },
  { key: "leadResponsibility", label: "主体责任", max: 200, input: "line", hint: "如：区城管局", width: 16, column: "lead_responsibility", published: true },
  { key: "supportResponsibility", label: "配合责任", max: 200, input: "line", hint: "如：街道办事处", width: 16, column: "support_responsibility", published: true },
] as const satisfies readonly DutyFieldDef[];

export type DutyFieldKey = (typeof DUTY_FIELDS)[number]["key"];
export const DUTY_FIELD_KEYS: DutyFieldKey[] = DUTY_FIELDS.map((f) => f.key);

/** The duty's own fields as text, keyed by the definition. */
export type DutyFieldValues = Record<DutyFieldKey, string>;

/** The zod schema of a definition's fields: required text, or a department chosen or written. */
export function fieldsShape(fields: readonly DutyFieldDef[]) {
  return Object.fromEntries(
    fields.map((f) => [f.key, f.input === "department" ? textOrEmpty(`${f.label.replace(/^责任/, "")}名称`, f.max) : text(f.label, f.max, f.min ? { min: f.min } : {})]),
  );
}

export function dutyFieldsSchemaOf(fields: readonly DutyFieldDef[]) {
  const departments = fields.filter((f) => f.input === "department").map((f) => f.key);
  return z
    .object({ ...(fieldsShape(fields) as Record<DutyFieldKey, ReturnType<typeof text>>), departmentId: z.union([z.literal(""), id]).optional() })
    .superRefine((v, ctx) => {
      const values = v as Record<string, unknown>;
      for (const key of departments) {
        if (!v.departmentId && !values[key]) ctx.addIssue({ code: "custom", path: ["departmentId"], message: "请选择责任部门，或填写部门名称" });
      }
    });
}

/** The values of the definition's fields, read from a duty (or any object carrying them). */
export function dutyValuesOf<T extends Record<string, unknown>>(duty: T, fields: readonly DutyFieldDef[] = DUTY_FIELDS): DutyFieldValues {
  return Object.fromEntries(fields.map((f) => [f.key, String(duty[f.key] ?? "")])) as DutyFieldValues;
}

const clean = (v: unknown) => String(v ?? "").replace(/\r\n?/g, "\n").trim();

/** The published fields whose text differs between two versions of a duty. */
export function changedFields<F extends DutyFieldDef = (typeof DUTY_FIELDS)[number]>(
  before: object,
  after: object,
  fields: readonly F[] = DUTY_FIELDS as unknown as readonly F[],
): F[] {
  const value = (o: object, key: string) => (o as Record<string, unknown>)[key];
  return fields.filter((f) => f.published && clean(value(before, f.key)) !== clean(value(after, f.key)));
}

/**
 * The SQL condition "this working duty `w` differs from its published element `p.e`", one clause
 * per published field, so a field added to the definition is compared without anyone writing it.
 * Columns and keys come from the definition above, never from input.
 */
export function unpublishedChangeCondition(fields: readonly DutyFieldDef[] = DUTY_FIELDS): string {
  return fields
    .filter((f) => f.published)
    .map((f) => {
      if (!/^[a-z_]+$/.test(f.column) || !/^[A-Za-z]+$/.test(f.key)) throw new Error(`bad duty field ${f.key}`);
      return `w.${f.column} IS DISTINCT FROM p.e ->> '${f.key}'`;
    })
    .join("\n        OR ");
}

/** The level a department works at, for labels such as 市级部门职责 (from the unit its department sits under). */
export type DepartmentLevel = "市级" | "区级" | null;

export function departmentLevelOf(parentKind: string | null | undefined): DepartmentLevel {
  if (parentKind === "CITY") return "市级";
  if (parentKind === "DISTRICT") return "区级";
  return null;
}

/**
 * Labels that depend on whose list it is: a community's list says 社区职责, a township's 乡镇职责;
 * the departments' duties are named by their level when all share one (市级部门职责), else 部门职责.
 */
export function dutyLabels(unitKind: string | null | undefined, levels: DepartmentLevel[] = []): Record<DutyFieldKey, string> {
  const labels = Object.fromEntries(DUTY_FIELDS.map((f) => [f.key, f.label])) as Record<DutyFieldKey, string>;
  labels.localDuty = unitKind === "COMMUNITY" ? "社区职责" : unitKind === "TOWNSHIP" ? "乡镇职责" : unitKind === "STREET" ? "街道职责" : labels.localDuty;
  const distinct = [...new Set(levels)];
  labels.departmentDuty = distinct.length === 1 && distinct[0] ? `${distinct[0]}部门职责` : "部门职责";
  return labels;
}

/** One duty as a published version holds it (the versions' `items` JSON). */
export type LocalDutySnapshotItem = { id: number; position: number } & DutyFieldValues & { fundingAmount: string; admissionCode: string | null };

/**
 * True when the working duties differ from the latest published version (or nothing is published
 * and there are duties): a duty added or removed, or a published field changed.
 */
export function hasUnpublishedChanges(
  current: Pick<LocalDutySnapshotItem, "id">[],
  published: Pick<LocalDutySnapshotItem, "id">[] | null,
  fields: readonly DutyFieldDef[] = DUTY_FIELDS,
): boolean {
  if (!published) return current.length > 0;
  if (current.length !== published.length) return true;
  const before = new Map(published.map((i) => [i.id, i]));
  return current.some((item) => {
    const old = before.get(item.id);
    return !old || changedFields(old, item, fields).length > 0;
  });
}
