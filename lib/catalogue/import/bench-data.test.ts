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

  it("parses 5,000 rows well under 2 seconds", () => {
    const buffer = generateCatalogueWorkbook(5000);
    const expected = benchLayout(5000);
    // Best of two runs: measures the parser, not a busy test machine.
    let elapsed = Infinity;
    let result = parseWorkbook(buffer, "bench-5000.xlsx");
    for (let run = 0; run < 2; run++) {
      const started = performance.now();
      result = parseWorkbook(buffer, "bench-5000.xlsx");
      elapsed = Math.min(elapsed, performance.now() - started);
    }
    const s = result.sheets[0];
    expect(result.ok).toBe(true);
    expect(s.rows).toBe(5000);
    expect(s.items).toBe(expected.items);
    expect(s.subItems).toBe(expected.subItems);
    expect(s.warnings).toEqual([]);
    console.info(`parsed 5,000 rows (${(buffer.length / 1024).toFixed(0)} KB) in ${elapsed.toFixed(0)} ms`);
    expect(elapsed).toBeLessThan(2000);
  }, 20_000);
});
