import { describe, expect, it } from "vitest";
import { addCounts, claimRate, countRows, EMPTY_COUNTS, formatRate, progressRates, ratio, shareOfAccepted, withRates } from "./rates";

const row = (decision: string | null, extra: Partial<{ departmentId: number | null; proposal: string | null; response: string | null }> = {}) => ({
  departmentId: 1, proposal: decision, response: decision ? "AGREE" : null, decision, settled: decision != null, ...extra,
});

describe("rates", () => {
  it("reproduces 利川: 258 of 263 accepted is 98.1%, and 202 penalties are 78.3% of the accepted", () => {
    const rates = withRates({ ...EMPTY_COUNTS, total: 263, settled: 263, accepted: 258, deferred: 5 });
    expect(rates.acceptanceRate).toBeCloseTo(258 / 263, 10);
    expect(formatRate(rates.acceptanceRate)).toBe("98.1%");
    expect(formatRate(rates.acceptanceRate, 0)).toBe("98%");
    expect(formatRate(shareOfAccepted(202, 258), 0)).toBe("78%");
    expect(rates.progress).toBe(1);
    expect(formatRate(claimRate(74 * 3, 3, 74))).toBe("100.0%");
  });

  it("counts the live rate over decided items only, and has no rate before anything is decided", () => {
    const c = countRows([row("ACCEPT"), row("ACCEPT"), row("DEFER"), row(null), row(null, { proposal: "ACCEPT" }), row(null, { proposal: "DECLINE", response: "DISAGREE" }), row(null, { departmentId: null })]);
    expect(c).toEqual({ total: 7, accepted: 2, deferred: 1, declined: 0, settled: 3, disputed: 1, awaitingProposal: 1, awaitingResponse: 1, unassigned: 1 });
    const r = withRates(c);
    expect(r.acceptanceRate).toBeCloseTo(2 / 3);
    expect(r.progress).toBeCloseTo(3 / 7);
    expect(withRates(EMPTY_COUNTS).acceptanceRate).toBeNull();
    expect(formatRate(null)).toBe("—");
  });

  it("never shows a part as 100% or a little as 0%", () => {
    expect(formatRate(0.99996)).toBe("99.9%");
    expect(formatRate(1)).toBe("100.0%");
    expect(formatRate(0.00001)).toBe("0.1%");
    expect(formatRate(0)).toBe("0.0%");
    expect(formatRate(0.5, 0)).toBe("50%");
  });

  it("adds counts and computes pair progress", () => {
    const a = countRows([row("ACCEPT")]);
    const b = countRows([row("DECLINE"), row(null)]);
    expect(addCounts(a, b)).toMatchObject({ total: 3, accepted: 1, declined: 1, settled: 2, awaitingProposal: 1 });
    expect(progressRates({ pairs: 4, settledPairs: 3, lettersConfirmed: 2, lettersPending: 1 })).toEqual({ settledPairRate: 0.75, letterRate: 0.5 });
    expect(ratio(1, 0)).toBeNull();
    expect(claimRate(0, 0, 25)).toBeNull();
  });
});
