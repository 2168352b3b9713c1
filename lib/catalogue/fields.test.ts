import { afterEach, describe, expect, it, vi } from "vitest";
import { limitsOf } from "@/lib/forms";
import { CANONICAL_FIELDS, DETAIL_FIELDS, FIELD_LABELS, ITEM_FIELDS, formGroups, type ItemFieldDef } from "./fields";

type Mod = typeof import("./fields");

/** A resolved item with every field filled, as the export and the comparison read it. */
function fullItem(fields: readonly string[], value: (f: string) => string) {
  return {
    id: 1,
    seq: "1",
    code: value("code"),
    name: value("name"),
    typeName: value("powerType"),
    domainName: value("domain"),
    departmentName: value("department"),
    details: Object.fromEntries(fields.map((f) => [f, value(f)])),
    subItems: [{ name: value("subItemName"), code: null, typeName: value("powerType"), details: {} }],
  };
}

/** The places the item's fields reach, loaded fresh (after a possible mock of the definition). */
async function places() {
  const fields = await import("./fields");
  const { itemFormSchema } = await import("./schema");
  const { exportColumns, exportRows } = await import("./export-format");
  const { diffEditions, COMPARED_FIELDS } = await import("./compare");
  const { matchHeader } = await import("./import/fields");
  const { MAPPABLE_FIELDS } = await import("./preview");
  return { fields, itemFormSchema, exportColumns, exportRows, diffEditions, COMPARED_FIELDS, matchHeader, MAPPABLE_FIELDS };
}

async function expectEverywhere(p: Awaited<ReturnType<typeof places>>) {
  const { fields } = p;
  const all = fields.CANONICAL_FIELDS as readonly string[];
  const details = fields.DETAIL_FIELDS as readonly string[];
  // Export: every field is a column, with its label as header and in the definition's order.
  const columns = p.exportColumns(p.exportRows([{ ...fullItem(details, (f) => `${f}-值`), seq: "1" }]));
  expect(columns.map((c) => c.header)).toEqual(all.map((f) => fields.FIELD_LABELS[f as keyof typeof fields.FIELD_LABELS]));
  // Form: every long-text field sits in exactly one section of the edit form.
  expect(fields.formGroups().flatMap((g) => g.fields.map((f) => f.field)).sort()).toEqual([...details].sort());
  // Schema: every long-text field is in the item's schema, with the definition's limit.
  for (const f of details) expect(limitsOf(p.itemFormSchema, f).maxLength).toBe(fields.fieldDef(f as never).max);
  // Comparison: a change in any field but 序号 is reported under its label.
  const before = fullItem(details, (f) => `${f}-旧`);
  const diff = p.diffEditions([{ ...before, code: "X1" }], [{ ...fullItem(details, (f) => `${f}-新`), code: "X1" }]);
  const changed = diff.changed.flatMap((c) => c.changes.map((x) => x.field)) as string[];
  expect([...p.COMPARED_FIELDS].sort()).toEqual(all.filter((f) => f !== "seq").sort());
  for (const f of details) expect(changed).toContain(f);
  // Import: each field's label and synonyms are recognised as headers, and it can be mapped by hand.
  for (const f of all) {
    expect(p.matchHeader(fields.FIELD_LABELS[f as keyof typeof fields.FIELD_LABELS])).toBe(f);
    expect(p.MAPPABLE_FIELDS.map((m) => m.field)).toContain(f);
  }
}

afterEach(() => {
  vi.doUnmock("./fields");
  vi.resetModules();
});

describe("the catalogue item's one field definition", () => {
  it("drives the schema, the form, the export, the comparison and the import headers", async () => {
    expect(CANONICAL_FIELDS.length).toBe(Object.keys(ITEM_FIELDS).length);
    expect(DETAIL_FIELDS).toContain("legalBasis");
    expect(FIELD_LABELS.legalBasis).toBe("实施依据");
    expect(formGroups()[0]).toMatchObject({ title: "实施依据", fields: [{ field: "legalBasis" }] });
    await expectEverywhere(await places());
  });

  it("a field added to the definition appears everywhere without touching another file", async () => {
    vi.resetModules();
    vi.doMock("./fields", async (importOriginal) => {
      const real = await importOriginal<Mod>();
      const defs: Record<string, ItemFieldDef> = {
        ...real.ITEM_FIELDS,
        inspectionCycle: { label: "检查频次", max: 300, width: 14, detail: { group: "办理信息", rows: 1 }, synonyms: ["检查频次", "抽查频次"] },
      };
      return { ...real, ITEM_FIELDS: defs, ...real.deriveFields(defs) };
    });
    const p = await places();
    expect(p.fields.DETAIL_FIELDS).toContain("inspectionCycle");
    expect(p.matchHeader("抽查频次")).toBe("inspectionCycle");
    expect(p.exportColumns(p.exportRows([fullItem(p.fields.DETAIL_FIELDS, () => "每年一次") as never])).map((c) => c.header)).toContain("检查频次");
    expect(limitsOf(p.itemFormSchema, "inspectionCycle").maxLength).toBe(300);
    await expectEverywhere(p);
  });
});
