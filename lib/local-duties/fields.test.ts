import { describe, expect, it } from "vitest";
import {
  changedFields,
  DUTY_FIELDS,
  departmentLevelOf,
  dutyFieldsSchemaOf,
  dutyLabels,
  hasUnpublishedChanges,
  unpublishedChangeCondition,
  type DutyFieldDef,
} from "./fields";
import { dutyExportHeaders } from "./export";
import { dutyFieldsSchema } from "./schema";

const extra = { key: "contactPhone", label: "联系电话", max: 20, input: "line", width: 14, column: "contact_phone", published: true } as const satisfies DutyFieldDef;
const withExtra = [...DUTY_FIELDS, extra];

const valid = {
  dutyType: "城市管理",
  name: "背街小巷巡查",
  departmentId: "",
  departmentName: "示例市城管局",
  departmentDuty: "制定标准",
  localDuty: "日常巡查",
  legalBasis: "《城市市容和环境卫生管理条例》",
  leadResponsibility: "市城管局",
  supportResponsibility: "街道办事处",
};

describe("the one definition of a local duty's fields", () => {
  it("drives the schema: every field is checked, with its label and limit", () => {
    const bad = dutyFieldsSchema.safeParse({ ...valid, legalBasis: "x".repeat(2001) });
    expect(bad.success).toBe(false);
    for (const f of DUTY_FIELDS) {
      if (f.input === "department") continue;
      const r = dutyFieldsSchema.safeParse({ ...valid, [f.key]: "" });
      expect(r.success, f.key).toBe(false);
      expect(r.error?.issues[0].path, f.key).toEqual([f.key]);
    }
  });

  it("a field added to the definition appears in the schema, the export header and change detection", () => {
    const schema = dutyFieldsSchemaOf(withExtra);
    const missing = schema.safeParse(valid);
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((i) => i.path[0])).toContain("contactPhone");
    expect(schema.safeParse({ ...valid, contactPhone: "027-1234" }).success).toBe(true);

    expect(dutyExportHeaders({}, withExtra)).toContain("联系电话");
    expect(dutyExportHeaders({}, withExtra)).toEqual(["序号", ...withExtra.map((f) => f.label), "准入编号"]);

    const before = { id: 1, ...valid, contactPhone: "1" };
    const after = { ...before, contactPhone: "2" };
    expect(changedFields(before, after, withExtra).map((f) => f.key)).toEqual(["contactPhone"]);
    expect(hasUnpublishedChanges([after], [before], withExtra)).toBe(true);
    expect(hasUnpublishedChanges([after], [before], DUTY_FIELDS)).toBe(false);
    expect(unpublishedChangeCondition(withExtra)).toContain("w.contact_phone IS DISTINCT FROM p.e ->> 'contactPhone'");
  });

  it("compares every published field in SQL, and only those", () => {
    const sql = unpublishedChangeCondition();
    for (const f of DUTY_FIELDS) expect(sql).toContain(`w.${f.column} IS DISTINCT FROM p.e ->> '${f.key}'`);
    const quiet = { ...extra, published: false } as const;
    expect(unpublishedChangeCondition([...DUTY_FIELDS, quiet])).not.toContain("contact_phone");
    expect(() => unpublishedChangeCondition([{ ...extra, column: "x; DROP TABLE y" }])).toThrow();
  });

  it("detects an added, removed or changed duty and ignores whitespace", () => {
    const a = { id: 1, ...valid };
    expect(hasUnpublishedChanges([a], null)).toBe(true);
    expect(hasUnpublishedChanges([], null)).toBe(false);
    const spaced = { ...a, localDuty: " 日常巡查 " };
    const old = { ...a, legalBasis: "旧依据" };
    expect(hasUnpublishedChanges([a], [spaced])).toBe(false);
    expect(hasUnpublishedChanges([a], [old])).toBe(true);
    expect(hasUnpublishedChanges([a, { ...a, id: 2 }], [a])).toBe(true);
    expect(hasUnpublishedChanges([{ ...a, id: 3 }], [a])).toBe(true);
  });

  it("names the columns for the unit and the departments' level", () => {
    expect(dutyLabels("COMMUNITY").localDuty).toBe("社区职责");
    expect(dutyLabels("STREET").localDuty).toBe("街道职责");
    expect(dutyLabels("TOWNSHIP").localDuty).toBe("乡镇职责");
    expect(departmentLevelOf("CITY")).toBe("市级");
    expect(departmentLevelOf("DISTRICT")).toBe("区级");
    expect(dutyLabels("STREET", ["市级", "市级"]).departmentDuty).toBe("市级部门职责");
    expect(dutyLabels("STREET", ["区级"]).departmentDuty).toBe("区级部门职责");
    expect(dutyLabels("STREET", ["市级", "区级"]).departmentDuty).toBe("部门职责");
    expect(dutyLabels("STREET", [null]).departmentDuty).toBe("部门职责");
  });
});
