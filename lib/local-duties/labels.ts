import type { LocalDutySnapshotItem } from "./commands";

/** The columns of a 属地管理事项清单 (黄陂's layout), in order, for tables, diffs and exports. */
export const DUTY_COLUMNS: { key: keyof LocalDutySnapshotItem; label: string; width: number }[] = [
  { key: "dutyType", label: "事项类型", width: 12 },
  { key: "name", label: "事项名称", width: 28 },
  { key: "departmentName", label: "责任部门", width: 18 },
  { key: "departmentDuty", label: "区级部门职责", width: 36 },
  { key: "localDuty", label: "街道（社区）职责", width: 36 },
  { key: "legalBasis", label: "法律法规及文件依据", width: 36 },
  { key: "leadResponsibility", label: "主体责任", width: 16 },
  { key: "supportResponsibility", label: "配合责任", width: 16 },
];
