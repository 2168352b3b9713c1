import { describe, expect, it } from "vitest";
import { derivationProblem } from "./policy";

const city = (status: "DRAFT" | "ISSUED", kind: "GUIDANCE" | "GENERAL" = "GUIDANCE") => ({ kind, status, areaUnitId: null });
const of = (areaUnitId: number, status: "DRAFT" | "ISSUED" = "ISSUED") => ({ kind: "GUIDANCE" as const, status, areaUnitId });

describe("deriving a district edition", () => {
  it("lets a district 编办 derive its edition from an issued city guidance edition or its own", () => {
    expect(derivationProblem(10, "GUIDANCE", city("ISSUED"))).toBeNull();
    expect(derivationProblem(10, "GUIDANCE", of(10, "DRAFT"))).toBeNull();
    expect(derivationProblem(10, "GUIDANCE", of(10, "ISSUED"))).toBeNull();
  });

  it("refuses a district a blank edition, the general list, the city's drafts and another district's editions", () => {
    expect(derivationProblem(10, "GUIDANCE", null)).toMatch(/请选择/);
    expect(derivationProblem(10, "GENERAL", city("ISSUED", "GENERAL"))).toMatch(/赋权事项指导清单/);
    expect(derivationProblem(10, "GUIDANCE", city("ISSUED", "GENERAL"))).toMatch(/同一类/);
    // Neither is the district's to see: it is told the edition does not exist.
    expect(derivationProblem(10, "GUIDANCE", city("DRAFT"))).toBe("要复制的版本不存在");
    expect(derivationProblem(10, "GUIDANCE", of(20))).toBe("要复制的版本不存在");
  });

  it("lets the city start blank or copy its own editions of the same kind, not a district's", () => {
    expect(derivationProblem(null, "GENERAL", null)).toBeNull();
    expect(derivationProblem(null, "GUIDANCE", city("DRAFT"))).toBeNull();
    expect(derivationProblem(null, "GENERAL", city("ISSUED", "GUIDANCE"))).toMatch(/同一类/);
    expect(derivationProblem(null, "GUIDANCE", of(10))).toMatch(/区县/);
  });
});
