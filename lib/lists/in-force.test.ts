import { describe, expect, it } from "vitest";
import { isUpcoming, upcomingLabel, versionInForce } from "./in-force";

const v = (versionNo: number, day: string) => ({ versionNo, effectiveAt: new Date(`${day}T00:00:00Z`) });

describe("the version in force (现行)", () => {
  const versions = [v(3, "2026-12-27"), v(2, "2026-06-01"), v(1, "2026-01-01")];

  it("is the latest version whose 施行日期 has come", () => {
    expect(versionInForce(versions, "2026-12-20")?.versionNo).toBe(2);
    expect(versionInForce(versions, "2026-12-26")?.versionNo).toBe(2);
    expect(versionInForce(versions, "2026-12-27")?.versionNo).toBe(3); // from its day on
    expect(versionInForce(versions, "2027-03-01")?.versionNo).toBe(3);
  });

  it("is none before the first version takes effect", () => {
    expect(versionInForce([v(1, "2026-12-27")], "2026-12-06")).toBeNull();
  });

  it("goes by version number when an adjustment takes effect before an earlier one", () => {
    expect(versionInForce([v(2, "2026-12-01"), v(1, "2026-12-10")], "2026-12-15")?.versionNo).toBe(2);
  });

  it("says when a future version takes effect", () => {
    expect(isUpcoming(versions[0], "2026-12-06")).toBe(true);
    expect(isUpcoming(versions[0], "2026-12-27")).toBe(false);
    expect(upcomingLabel(versions[0])).toBe("将于2026年12月27日施行");
  });
});
