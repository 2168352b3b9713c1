import { describe, expect, it } from "vitest";
import { diffDutyVersions } from "./diff";
import type { LocalDutySnapshotItem } from "./commands";

const item = (id: number, over: Partial<LocalDutySnapshotItem> = {}): LocalDutySnapshotItem => ({
  id,
  position: id,
  dutyType: "城市管理",
  name: `事项${id}`,
  departmentName: "区城管局",
  departmentDuty: "制定标准。",
  localDuty: "日常巡查。",
  legalBasis: "《条例》第十条",
  leadResponsibility: "区城管局",
  supportResponsibility: "街道办事处",
  fundingAmount: "0.00",
  admissionCode: null,
  ...over,
});

describe("diffDutyVersions", () => {
  it("finds added, removed and changed duties by id, field by field", () => {
    const d = diffDutyVersions([item(1), item(2), item(3)], [item(1), item(3, { localDuty: "每周巡查。", position: 2 }), item(4)]);
    expect(d.added.map((i) => i.id)).toEqual([4]);
    expect(d.removed.map((i) => i.id)).toEqual([2]);
    expect(d.changed).toHaveLength(1);
    expect(d.changed[0].changes).toEqual([{ label: "街道（社区）职责", before: "日常巡查。", after: "每周巡查。" }]);
    expect(d.unchanged).toBe(1);
  });

  it("does not count a new position or different line endings as a change", () => {
    const d = diffDutyVersions([item(1, { legalBasis: "甲\r\n乙 " })], [item(1, { position: 9, legalBasis: "甲\n乙" })]);
    expect(d).toMatchObject({ added: [], removed: [], changed: [], unchanged: 1 });
  });
});
