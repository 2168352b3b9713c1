import { describe, expect, it } from "vitest";
import { readAdmissionSettings } from "./settings";

const db = (rows: { key: string; value: string }[]) => ({ setting: { findMany: async () => rows } }) as unknown as Parameters<typeof readAdmissionSettings>[0];

describe("准入 settings", () => {
  it("file with 上级编办, not 编办 itself, until 编办 sets the 备案机关", async () => {
    expect(await readAdmissionSettings(db([]))).toEqual({ filingAuthority: "上级编办", appraisalExclusionMonths: 6 });
    expect(await readAdmissionSettings(db([{ key: "admission.filingAuthority", value: "示例省委编办" }, { key: "appraisal.exclusionMonths", value: "0" }]))).toEqual({
      filingAuthority: "示例省委编办",
      appraisalExclusionMonths: 0,
    });
  });
});
