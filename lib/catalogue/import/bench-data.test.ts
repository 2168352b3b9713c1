import { describe, expect, it } from "vitest";
import { benchLayout, generateCatalogueWorkbook } from "./bench-data";
import { parseWorkbook } from "./parse";

describe("generateCatalogueWorkbook", () => {
  it("parses back to the generated counts (small)", () => {
    const buffer = generateCatalogueWorkbook(12);
    const result = parseWorkbook(buffer, "bench.xlsx");
    expect(result.ok).toBe(true);
    const s = result.sheets[0];
    expect(benchLayout(12)).toEqual({ items: 8, subItems: 6 });
    expect([s.headerRow, s.rows, s.items, s.subItems]).toEqual([2, 12, 8, 6]);
    const first = s.parsedItems[0];
    expect(first.rows).toEqual([3, 4, 5]);
    expect(first.subItems.map((x) => x.implementationLevel)).toEqual(["自治区级", "地州市级", "县市区级"]);
    expect(first.legalBasis).toMatch(/^【法律】/);
    expect(s.parsedItems[1].subItems).toEqual([]);
  });

  // The speed is measured by `npm run bench`, not asserted here: a busy CI machine is not a benchmark.
  it("parses the 5,000-row benchmark workbook back to its counts", () => {
    const buffer = generateCatalogueWorkbook(5000);
    const expected = benchLayout(5000);
    const result = parseWorkbook(buffer, "bench-5000.xlsx");
    const s = result.sheets[0];
    expect(result.ok).toBe(true);
    expect(s.rows).toBe(5000);
    expect(s.items).toBe(expected.items);
    expect(s.subItems).toBe(expected.subItems);
    expect(s.warnings).toEqual([]);
  }, 60_000);
});
