import { describe, expect, it } from "vitest";
import { limitsOf } from "@/lib/forms";
import { fieldLabel, ITEM_FIELD_DEFS, ITEM_FIELDS } from "./labels";
import { itemFieldsSchema } from "./schema";

describe("the one definition of a power-list item's fields", () => {
  it("gives the schema and the form the same limit and label for every field", () => {
    expect(ITEM_FIELDS).toEqual(ITEM_FIELD_DEFS.map((f) => f.key));
    for (const f of ITEM_FIELD_DEFS) {
      expect(limitsOf(itemFieldsSchema, f.key).maxLength, f.key).toBe(f.max);
      expect(fieldLabel(f.key), f.key).toBe(f.label);
      const base = { name: "对占道经营的处罚", section: "BASIC" };
      const ok = itemFieldsSchema.safeParse({ ...base, [f.key]: "字".repeat(f.max) });
      expect(ok.success, f.key).toBe(true);
      const long = itemFieldsSchema.safeParse({ ...base, [f.key]: "字".repeat(f.max + 1) });
      expect(long.success, f.key).toBe(false);
      expect(long.error?.issues[0].message, f.key).toContain(f.label);
    }
  });
});
