import { describe, expect, it } from "vitest";
import { isUpcoming, upcomingLabel, versionState } from "./in-force";

// Which version a list shows is decided in SQL (shownVersionSql), pinned in tests/integration/in-force.test.ts.

const v = (versionNo: number, day: string) => ({ versionNo, effectiveAt: new Date(`${day}T00:00:00Z`) });

describe("the status of a list's versions", () => {
  const versions = [v(3, "2026-12-27"), v(2, "2026-06-01"), v(1, "2026-01-01")];

  it("says when a future version takes effect", () => {
    expect(isUpcoming(versions[0], "2026-12-06")).toBe(true);
    expect(isUpcoming(versions[0], "2026-12-27")).toBe(false);
    expect(upcomingLabel(versions[0])).toBe("将于2026年12月27日施行");
  });

  it("marks the version in force and gives a notice only to those to come, with the caller's fields", () => {
    expect(versionState(versions, 2, "2026-12-06")).toEqual({
      currentVersion: 2,
      versions: [
        { number: 3, current: false, notice: "将于2026年12月27日施行" },
        { number: 2, current: true },
        { number: 1, current: false },
      ],
    });
    expect(versionState(versions.slice(2), null, "2025-12-01", (x) => ({ url: `/v/${x.versionNo}` }))).toEqual({
      currentVersion: null,
      versions: [{ number: 1, current: false, notice: "将于2026年1月1日施行", url: "/v/1" }],
    });
  });
});
