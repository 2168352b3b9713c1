import { describe, expect, it } from "vitest";
import { safeCell } from "./cells";

describe("safeCell", () => {
  it("neutralises cells a spreadsheet would run as formulas", () => {
    for (const v of ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=x"]) expect(safeCell(v)).toBe(`'${v}`);
  });
  it("keeps ordinary text", () => {
    expect(safeCell("东湖街道办事处")).toBe("东湖街道办事处");
    expect(safeCell("a=b")).toBe("a=b");
  });
});
