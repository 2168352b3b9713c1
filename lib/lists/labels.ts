import type {
  AdjustmentAction,
  AdjustmentStatus,
  DutySection,
  ListItemSource,
  ListStageStatus,
  PowerListForm,
  PowerListStatus,
  ReviewOpinion,
} from "@/lib/generated/prisma/enums";
import { formatDateText } from "@/lib/format";

export const FORM_LABELS: Record<PowerListForm, string> = {
  POWER: "职权清单",
  DUTY: "履行职责事项清单",
};

export const FORM_HINTS: Record<PowerListForm, string> = {
  POWER: "法定权力事项 + 赋权承接事项 + 本单位事项，按职能分类编排（利川等地的街道职权清单）。",
  DUTY: "全国统一的乡镇（街道）履行职责事项清单：基本履职事项、配合履职事项、上级部门收回事项三部分。",
};

export const STATUS_LABELS: Record<PowerListStatus, string> = {
  DRAFTING: "起草中",
  IN_REVIEW: "审核中",
  RETURNED: "已退回修改",
  APPROVED: "待印发公布",
  PUBLISHED: "已公布",
};

export const STATUS_TONES: Record<PowerListStatus, "gray" | "blue" | "amber" | "green" | "red"> = {
  DRAFTING: "gray",
  IN_REVIEW: "blue",
  RETURNED: "amber",
  APPROVED: "blue",
  PUBLISHED: "green",
};

export const SECTIONS = ["BASIC", "COOPERATING", "RECLAIMED"] as const satisfies readonly DutySection[];

export const SECTION_LABELS: Record<DutySection, string> = {
  BASIC: "基本履职事项",
  COOPERATING: "配合履职事项",
  RECLAIMED: "上级部门收回事项",
};

export const SOURCES = ["GENERAL", "DEVOLVED", "OWN", "ADJUSTMENT"] as const satisfies readonly ListItemSource[];

export const SOURCE_LABELS: Record<ListItemSource, string> = {
  GENERAL: "法定权力事项",
  DEVOLVED: "赋权承接事项",
  OWN: "本单位增加",
  ADJUSTMENT: "动态调整新增",
};

export const SOURCE_TONES: Record<ListItemSource, "gray" | "blue" | "amber" | "green"> = {
  GENERAL: "blue",
  DEVOLVED: "green",
  OWN: "gray",
  ADJUSTMENT: "amber",
};

export const OPINIONS = ["AGREE", "AGREE_WITH_CHANGES", "DISAGREE"] as const satisfies readonly ReviewOpinion[];

export const OPINION_LABELS: Record<ReviewOpinion, string> = {
  AGREE: "同意",
  AGREE_WITH_CHANGES: "修改后同意",
  DISAGREE: "不同意",
};

export const OPINION_TONES: Record<ReviewOpinion, "green" | "amber" | "red"> = {
  AGREE: "green",
  AGREE_WITH_CHANGES: "amber",
  DISAGREE: "red",
};

export const STAGE_STATUS_LABELS: Record<ListStageStatus, string> = {
  PENDING: "未开始",
  ACTIVE: "进行中",
  DONE: "已完成",
};

export const ADJUSTMENT_STATUS_LABELS: Record<AdjustmentStatus, string> = {
  REVIEWING: "联席会议审核中",
  APPROVED: "已同意，待备案",
  REJECTED: "不予调整",
  FILED: "已备案，待公布",
  PUBLISHED: "已公布",
  WITHDRAWN: "已撤回",
};

export const ADJUSTMENT_STATUS_TONES: Record<AdjustmentStatus, "gray" | "blue" | "amber" | "green" | "red"> = {
  REVIEWING: "blue",
  APPROVED: "amber",
  REJECTED: "red",
  FILED: "amber",
  PUBLISHED: "green",
  WITHDRAWN: "gray",
};

export const ADJUSTMENT_ACTIONS = ["ADD", "REMOVE", "MODIFY"] as const satisfies readonly AdjustmentAction[];

export const ADJUSTMENT_ACTION_LABELS: Record<AdjustmentAction, string> = {
  ADD: "新增事项",
  REMOVE: "取消事项",
  MODIFY: "修改事项",
};

/** The review stages of a compilation in 利川's order; 编办 can change them per compilation. */
export const DEFAULT_STAGES = [
  { kind: "JOINT_REVIEW", name: "部门联合初审" },
  { kind: "CONSULTATION", name: "会商" },
  { kind: "SOLICIT", name: "征求部门意见" },
  { kind: "LEGALITY", name: "合法性审查" },
  { kind: "LEADER", name: "领导审核" },
  { kind: "EXECUTIVE", name: "常务会审定" },
  { kind: "PUBLISH", name: "印发公布" },
] as const;

export const PUBLISH_STAGE = "PUBLISH";

/** Timeline entries: what happened, in Chinese. */
export const EVENT_LABELS: Record<string, string> = {
  created: "创建清单草案",
  submitted: "提交审核",
  resubmitted: "修改后重新提交",
  opinion: "提出审核意见",
  returned: "退回起草单位修改",
  stageDone: "环节完成",
  stagesChanged: "调整审核环节",
  approved: "审核通过，待印发公布",
  published: "印发公布",
  adjustmentFiled: "提出调整申请",
  adjustmentPublished: "动态调整公布",
};

/**
 * The text fields of an item, defined once, in the order forms, exports and the diff show them:
 * label, longest text accepted, whether the form gives it several lines, and a hint. The item
 * schema (lib/lists/schema.ts), the form (components/lists/item-fields.tsx), the diff, the
 * exports and the open-data API all read their fields from here.
 */
export const ITEM_FIELD_DEFS = [
  { key: "code", label: "事项编码", max: 60, multiline: false },
  { key: "name", label: "事项名称", max: 300, min: 2, multiline: false },
  { key: "subItemName", label: "子项名称", max: 500, multiline: true, hint: "有多个子项时用「；」分隔。" },
  { key: "powerType", label: "权力类型", max: 30, multiline: false },
  { key: "legalBasis", label: "实施依据", max: 20000, multiline: true, hint: "写明法律法规名称和条款，如「《中华人民共和国城乡规划法》第六十五条」。" },
  { key: "exerciseSubject", label: "行使主体", max: 200, multiline: false },
  { key: "handlingSection", label: "承办机构", max: 200, multiline: false },
  { key: "departmentName", label: "原实施部门", max: 200, multiline: false },
  { key: "departmentDuty", label: "部门职责", max: 5000, multiline: true },
  { key: "streetDuty", label: "街道（乡镇）职责", max: 5000, multiline: true, hint: "写明街道（乡镇）具体做什么。" },
  { key: "responsibilities", label: "责任事项", max: 10000, multiline: true },
  { key: "accountability", label: "追责情形", max: 10000, multiline: true },
  { key: "reclaimMethod", label: "收回后运行方式", max: 5000, multiline: true },
  { key: "remarks", label: "备注", max: 2000, multiline: true },
] as const satisfies readonly { key: string; label: string; max: number; min?: number; multiline: boolean; hint?: string }[];

export type ItemFieldDef = (typeof ITEM_FIELD_DEFS)[number];
export type ItemField = ItemFieldDef["key"];

export const ITEM_FIELDS: readonly ItemField[] = ITEM_FIELD_DEFS.map((f) => f.key);

/** One field's definition. */
export function itemFieldDef<K extends ItemField>(key: K): Extract<ItemFieldDef, { key: K }> {
  return ITEM_FIELD_DEFS.find((f) => f.key === key) as Extract<ItemFieldDef, { key: K }>;
}

const BASE_LABELS = Object.fromEntries(ITEM_FIELD_DEFS.map((f) => [f.key, f.label])) as Record<ItemField, string>;

/** A field's label where the duty list's sections name it differently (上级部门, 配合职责 …). */
export function fieldLabel(field: ItemField | "category" | "section", section?: DutySection | null): string {
  if (field === "category") return "职能分类";
  if (field === "section") return "清单部分";
  if (section === "COOPERATING") {
    if (field === "departmentName") return "上级部门";
    if (field === "departmentDuty") return "上级部门职责";
    if (field === "streetDuty") return "乡镇（街道）配合职责";
  }
  if (section === "RECLAIMED") {
    if (field === "departmentName") return "收回部门";
    if (field === "departmentDuty") return "收回事项内容";
    if (field === "reclaimMethod") return "收回后运行方式";
  }
  return BASE_LABELS[field];
}

/** Fields that matter for a section of the duty list; the power list shows all but reclaimMethod. */
export function fieldsFor(form: PowerListForm, section: DutySection): ItemField[] {
  if (form === "POWER") return ITEM_FIELDS.filter((f) => f !== "reclaimMethod");
  if (section === "COOPERATING") return ["code", "name", "departmentName", "departmentDuty", "streetDuty", "legalBasis", "remarks"];
  if (section === "RECLAIMED") return ["code", "name", "departmentName", "departmentDuty", "reclaimMethod", "legalBasis", "remarks"];
  return ["code", "name", "subItemName", "powerType", "legalBasis", "handlingSection", "streetDuty", "responsibilities", "remarks"];
}

/** The 常务会 meeting of a 常务会审定 opinion as the history shows it. */
export function meetingLabel(m: { number: string; date: string }): string {
  return `${m.number}，会议日期 ${formatDateText(m.date)}`;
}
