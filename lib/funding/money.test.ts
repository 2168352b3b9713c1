import { describe, expect, it } from "vitest";
import { formatFen, fundingStatus, plannedFen, yuanToFen } from "./money";

describe("fen, not floats", () => {
  it("parses amounts people type, to the fen", () => {
    expect(yuanToFen("35000")).toBe(3_500_000);
    expect(yuanToFen("¥1,234.5")).toBe(123_450);
    expect(yuanToFen("0.1")).toBe(10);
    expect(yuanToFen("0.29")).toBe(29); // 0.29 * 100 is 28.999… in floating point
    expect(yuanToFen("-200")).toBe(-20_000);
    expect(yuanToFen("1.234")).toBeNull();
    expect(yuanToFen("abc")).toBeNull();
    expect(yuanToFen("")).toBeNull();
  });

  it("formats fen with two decimals", () => {
    expect(formatFen(3_500_000)).toBe("¥35,000.00");
    expect(formatFen(29)).toBe("¥0.29");
    expect(formatFen(-20_000)).toBe("-¥200.00");
  });

  it("says 未拨付, 部分拨付 or 已拨付", () => {
    expect(fundingStatus(100, 0)).toBe("UNPAID");
    expect(fundingStatus(100, 40)).toBe("PARTLY_PAID");
    expect(fundingStatus(100, 100)).toBe("PAID");
    expect(fundingStatus(0, 0)).toBe("NONE");
  });

  it("pro-rates a duty revoked during the year by the days it was in force", () => {
    expect(plannedFen(3_650_000, 2025, null)).toEqual({ fen: 3_650_000, proRata: false, days: 365 });
    // Revoked on 1 July 2025: in force 181 days of 365.
    expect(plannedFen(3_650_000, 2025, "2025-07-01")).toEqual({ fen: 1_810_000, proRata: true, days: 181 });
    // A revocation in another year does not change this year's amount.
    expect(plannedFen(3_650_000, 2025, "2026-03-01").proRata).toBe(false);
    // Rounded to the fen, half up: 1 fen × 183/366.
    expect(plannedFen(1, 2024, "2024-07-02").fen).toBe(1);
  });
});
