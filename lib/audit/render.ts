import { toLocalMinute } from "@/lib/dates";
import { ORG_KIND_LABELS, ROLE_LABELS } from "@/lib/auth/roles";
import { FIELD_LABELS as CATALOGUE_FIELD_LABELS } from "@/lib/catalogue/import/fields";
import { FILING_KIND_LABELS, FILING_STATUS_LABELS } from "@/lib/filings/policy";
import { KIND_LABELS as CATALOGUE_KIND_LABELS, STATUS_LABELS as EDITION_STATUS_LABELS } from "@/lib/catalogue/labels";
import {
  ADJUSTMENT_ACTION_LABELS,
  ADJUSTMENT_STATUS_LABELS,
  FORM_LABELS,
  ITEM_FIELDS,
  OPINION_LABELS as LIST_OPINION_LABELS,
  SECTION_LABELS,
  SOURCE_LABELS,
  STAGE_STATUS_LABELS,
  STATUS_LABELS as LIST_STATUS_LABELS,
  fieldLabel as listFieldLabel,
} from "@/lib/lists/labels";
import {
  KIND_LABELS as ADMISSION_KIND_LABELS,
  LEVEL_LABELS as ADMISSION_LEVEL_LABELS,
  OPINION_LABELS as ADMISSION_OPINION_LABELS,
  RESPONSE_LABELS as ADMISSION_RESPONSE_LABELS,
  STATUS_LABELS as ADMISSION_STATUS_LABELS,
} from "@/lib/admission/labels";
import { STATUS_LABELS as DISPATCH_STATUS_LABELS } from "@/lib/dispatch/labels";
import { DECISION_LABELS, RESPONSE_LABELS as DEVOLUTION_RESPONSE_LABELS } from "@/lib/devolution/state";
import { DUTY_COLUMNS } from "@/lib/local-duties/labels";
import { DICTIONARY_KIND_LABELS } from "@/lib/dictionary/schema";

/**
 * The before/after of an audit entry as a reader wants it: field by field, in Chinese, with codes
 * turned into words, lists and records summarised and long text kept whole (the page folds it).
 * Pure functions: the audit page and the .xlsx export use the same texts.
 */

/** Field names that read the same in every area (area labels below take precedence). */
const COMMON_FIELDS: Record<string, string> = {
  id: "编号",
  name: "名称",
  title: "标题",
  status: "状态",
  note: "说明",
  reason: "理由",
  comment: "意见",
  body: "内容",
  opinion: "意见",
  label: "名称",
  unit: "单位",
  unitId: "单位编号",
  unitName: "单位",
  units: "单位",
  unitIds: "单位",
  active: "启用",
  code: "编号",
  kind: "类型",
  year: "年度",
  description: "说明",
  closesOn: "截止日期",
  deadline: "截止日期",
  dueOn: "办理期限",
  items: "事项数",
  count: "数量",
  counts: "数量",
  versionNo: "版本号",
  versionId: "版本编号",
  documentNumber: "文号",
  publishDate: "印发日期",
  effectiveDate: "施行日期",
  filingNumber: "备案号",
  filingAuthority: "备案机关",
  filedOn: "备案日期",
  approvalDocNo: "批准文号",
  decision: "决定",
  response: "答复",
  responseReason: "不同意的理由",
  proposal: "部门意见",
  arbitratedDecision: "裁定结果",
  departmentId: "部门编号",
  department: "部门",
  street: "街道",
  streetId: "街道编号",
  streetIds: "街道",
  editionId: "清单目录版本",
  listId: "职权清单编号",
  roundId: "轮次编号",
  itemId: "事项编号",
  itemKey: "事项标识",
  direction: "方向",
  stage: "审核环节",
  stageName: "审核环节",
  itemComments: "逐项意见",
  form: "清单形式",
  general: "法定权力事项数",
  devolved: "赋权承接事项数",
  pending: "待确认（确认书未双方签署）事项数",
  meetingNumber: "会议期次",
  meetingDate: "会议日期",
  renumbered: "重新编号的事项数",
  domainId: "领域编号",
  domain: "领域",
  domainRaw: "领域（原文）",
  departmentName: "部门名称",
  basis: "调整依据",
  changes: "调整内容",
  username: "用户名",
  displayName: "姓名",
  roles: "角色",
  phone: "联系电话",
  failedLoginCount: "连续登录失败次数",
  lockedUntil: "锁定至",
  mustChangePassword: "须修改密码",
  parentId: "上级单位编号",
  shortName: "简称",
  jointMeetingMember: "联席会议成员单位",
  sortOrder: "排序",
  synonyms: "同义词",
  position: "位置",
  section: "清单部分",
  source: "来源",
  sourceLabel: "来源",
  categoryId: "职能分类",
  category: "职能分类",
  targets: "承接单位",
  fundingAmount: "经费（元）",
  fundingSource: "经费来源",
  content: "事项内容",
  authority: "设定依据",
  timeLimit: "完成时限",
  staffing: "所需人员",
  workload: "工作量",
  level: "承接层级",
  attachmentId: "附件编号",
  fileName: "文件名",
  size: "大小（字节）",
  sha256: "文件校验值",
  onBehalf: "代为录入",
  files: "附件",
  reportLate: "逾期上报",
  acceptDueOn: "接收期限",
  replyDueOn: "回复期限",
  result: "办理结果",
  raters: "评分单位数",
  notified: "已通知人数",
  pairs: "评价关系数",
  indicators: "考评指标",
  trimmed: "去掉最高分和最低分",
  submitted: "已提交",
  total: "总数",
  top: "第一名",
  scores: "评分数",
  comments: "评语数",
  counterparts: "评价对象数",
  submittedAt: "提交时间",
  extendedTo: "延长至",
  ratings: "评分",
  linkId: "链接编号",
  added: "新增条数",
  from: "起",
  to: "止",
  date: "日期",
  isWorkday: "工作日",
  rows: "事项行数",
  unassigned: "未分派部门的事项",
  contentHash: "内容摘要",
  side: "签认方",
  locked: "锁定的事项数",
  released: "退回的事项数",
  commentId: "意见编号",
  checkResult: "准入核对结果",
  matched: "对应的属地管理事项",
  subItems: "子项数",
  issuedAt: "发布时间",
  untyped: "未标权力类型的事项",
  rowNumber: "行号",
  nameKey: "规范名称",
  admissionId: "准入申请编号",
  admittedOn: "准入日期",
  revokedOn: "取消日期",
  revokedReason: "取消理由",
  itemCount: "事项数",
  listVersions: "涉及的清单版本",
  publishedAt: "公布时间",
  letters: "确认书",
  claims: "认领",
  createdAt: "创建时间",
  updatedAt: "修改时间",
  createdByName: "创建人",
  updatedByName: "修改人",
  issuedByName: "发布人",
  copiedFromId: "复制自",
  copiedFromTitle: "复制自（版本名称）",
  powerTypeId: "权力类型",
  signatory: "签署人",
  exclusionMonths: "新准入事项不参加评议的月数",
};

/** Field names that differ by kind of object (a unit's 类型 is not an admission's 类型). */
const SUBJECT_FIELDS: Record<string, Record<string, string>> = {
  user: { unitId: "所属单位编号", active: "账号启用" },
  unit: { name: "单位名称", kind: "单位类型", code: "机构代码" },
  dictionaryEntry: { kind: "字典", name: "名称", code: "代码" },
  catalogueEdition: { kind: "清单类别", items: "事项数", areaUnitId: "所属区县（单位编号）" },
  filing: { kind: "备案类别", subjectId: "备案对象编号", versionId: "清单版本编号", title: "备案事项", districtId: "区县（单位编号）", status: "审查结果", opinion: "审查意见", reviewedByName: "审查人", reviewedAt: "审查时间" },
  admission: { kind: "事项类别", name: "事项名称", code: "申请编号", unit: "单位" },
  dispatch: { code: "派单编号", department: "责任部门" },
  taskRegisterEntry: { department: "交办部门" },
  devolution: { decision: "承接结果" },
  evaluationRound: { units: "单位数" },
  powerListCategory: { name: "分类名称" },
  listType: { code: "类型代码", name: "清单类型名称", unitKinds: "适用单位", fields: "列", sections: "分类", stages: "审核环节" },
  typedList: { type: "清单类型", unit: "单位", title: "清单名称", key: "事项编号", section: "分类", values: "事项内容", fileName: "文件名", rows: "事项数", stage: "审核环节", decision: "审核结论", opinion: "审核意见", version: "版本号", documentNumber: "文号" },
  fundingDisbursement: { unit: "承接单位", duty: "事项", year: "年度", paidOn: "拨付日期", amount: "拨付金额", documentNumber: "拨付文号", paidTotal: "累计已拨付", planned: "本年计划" },
};

const AREA_FIELDS: Record<string, string> = {
  ...CATALOGUE_FIELD_LABELS,
  ...Object.fromEntries(ITEM_FIELDS.map((f) => [f, listFieldLabel(f)])),
  ...Object.fromEntries(DUTY_COLUMNS.map((c) => [c.key, c.label])),
};

/** "fundingSource" → "funding source": an unknown key still reads as words, not camelCase. */
function humanise(key: string): string {
  return key
    .replace(/_/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase();
}

/** The Chinese name of a field; one the system does not know is shown as words. */
export function fieldName(key: string, subjectType?: string | null): string {
  return (subjectType ? SUBJECT_FIELDS[subjectType]?.[key] : undefined) ?? COMMON_FIELDS[key] ?? AREA_FIELDS[key] ?? humanise(key);
}

/** Whether `fieldName` knows the key (the unit test checks the keys the seed writes). */
export function isKnownField(key: string, subjectType?: string | null): boolean {
  return fieldName(key, subjectType) !== humanise(key) || /[\u4e00-\u9fff]/.test(key);
}

const ROUND_STATUS = { OPEN: "进行中", CLOSED: "已结束" };

/** Codes stored in a field, by kind of object; `*` applies to every kind. */
const SUBJECT_VALUES: Record<string, Record<string, Record<string, string>>> = {
  powerList: { status: LIST_STATUS_LABELS },
  powerListAdjustment: { status: ADJUSTMENT_STATUS_LABELS },
  admission: { status: ADMISSION_STATUS_LABELS, response: ADMISSION_RESPONSE_LABELS, kind: ADMISSION_KIND_LABELS, level: ADMISSION_LEVEL_LABELS },
  dispatch: { status: DISPATCH_STATUS_LABELS },
  catalogueEdition: { status: EDITION_STATUS_LABELS, kind: CATALOGUE_KIND_LABELS },
  filing: { status: FILING_STATUS_LABELS, kind: FILING_KIND_LABELS },
  taskRegisterEntry: { status: { REGISTERED: "已登记", ACCEPTED: "已接受", REFUSED: "已拒绝" } },
  devolution_round: { status: ROUND_STATUS },
  confirmation_letter: { status: { PENDING: "待签认", CONFIRMED: "双方已确认", WITHDRAWN: "已撤回" } },
  appraisalRound: { status: ROUND_STATUS },
  reviewRound: { status: ROUND_STATUS },
  evaluationRound: { status: { DRAFT: "设置中", OPEN: "评分中", CLOSED: "已截止", PUBLISHED: "已公布" } },
  unit: { kind: ORG_KIND_LABELS },
  dictionaryEntry: { kind: DICTIONARY_KIND_LABELS },
  devolution: { response: DEVOLUTION_RESPONSE_LABELS },
  "*": {
    status: { ...STAGE_STATUS_LABELS },
    decision: { ...DECISION_LABELS, RETURN: "退回修改", FORWARD: "提交联席会议审查", ADMIT: "准入", REFUSE: "不予准入" },
    proposal: DECISION_LABELS,
    arbitratedDecision: DECISION_LABELS,
    opinion: { ...ADMISSION_OPINION_LABELS, ...LIST_OPINION_LABELS },
    roles: ROLE_LABELS,
    form: FORM_LABELS,
    section: SECTION_LABELS,
    source: SOURCE_LABELS,
    action: ADJUSTMENT_ACTION_LABELS,
    checkResult: { ADMITTED: "已准入", NOT_ADMITTED: "未经准入" },
    side: { BIANBAN: "编办", DEPARTMENT: "部门", STREET: "街道" },
    direction: { up: "上移", down: "下移", RATES: "评价", RATED_BY: "被评价" },
    response: { ...DEVOLUTION_RESPONSE_LABELS, ...ADMISSION_RESPONSE_LABELS },
  },
};

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
function dateTimeText(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  // A date stored as midnight UTC is a calendar day.
  if (/T00:00:00(\.000)?Z$/.test(iso)) return iso.slice(0, 10);
  return toLocalMinute(d).replace("T", " ");
}

export const EMPTY = "（空）";
const LIST_SHOWN = 5;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The code's Chinese name in this field, if it has one. */
function codeLabel(key: string, value: string, subjectType?: string | null): string | undefined {
  const own = subjectType ? SUBJECT_VALUES[subjectType]?.[key]?.[value] : undefined;
  return own ?? SUBJECT_VALUES["*"][key]?.[value];
}

const NAME_KEYS = ["name", "title", "label", "fileName", "itemName", "code"] as const;

/** The name or title of a record, or of a record inside it (an adjustment's `fields.name`). */
function recordName(record: Record<string, unknown>): string | undefined {
  for (const k of NAME_KEYS) if (typeof record[k] === "string" && record[k]) return record[k] as string;
  for (const v of Object.values(record)) {
    if (!isRecord(v)) continue;
    for (const k of NAME_KEYS) if (typeof v[k] === "string" && v[k]) return v[k] as string;
  }
  return undefined;
}

/** One line naming a record inside a list: "新增事项：户外广告设施管理", or its few fields. */
function recordText(record: Record<string, unknown>, subjectType?: string | null): string {
  const name = recordName(record);
  const kind = typeof record.action === "string" ? codeLabel("action", record.action, subjectType) : undefined;
  if (name) return kind ? `${kind}：${name}` : name;
  const entries = Object.entries(record).filter(([, v]) => v != null && v !== "");
  if (entries.length <= 4 && entries.every(([, v]) => !isRecord(v) && !Array.isArray(v))) return recordFields(record, subjectType);
  return `${entries.length} 项内容`;
}

/** Every field of a record, "字段：值，字段：值". */
function recordFields(record: Record<string, unknown>, subjectType?: string | null): string {
  return Object.entries(record)
    .filter(([, v]) => v != null && v !== "")
    .map(([k, v]) => `${fieldName(k, subjectType)}：${valueText(k, v, subjectType)}`)
    .join("，");
}

/** A stored value as a reader wants it: 是/否, dates, codes in Chinese, lists as "a、b、c 等 N 项". */
export function valueText(key: string, value: unknown, subjectType?: string | null): string {
  if (value === null || value === undefined || value === "") return EMPTY;
  if (typeof value === "boolean") return value ? "是" : "否";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") {
    const label = codeLabel(key, value, subjectType);
    if (label) return label;
    if (ISO_DATE_TIME.test(value)) return dateTimeText(value);
    return value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return "无";
    const texts = value.map((v) => (isRecord(v) ? recordText(v, subjectType) : valueText(key, v, subjectType)));
    const shown = texts.slice(0, LIST_SHOWN).join("、");
    return value.length > LIST_SHOWN ? `${shown} 等 ${value.length} 项` : value.length > 1 ? `${shown}（${value.length} 项）` : shown;
  }
  if (isRecord(value)) return recordText(value, subjectType);
  return String(value);
}

export type FieldChange = {
  key: string;
  label: string;
  /** Absent when the entry records only one side (a creation has no before). */
  before?: string;
  after?: string;
};

/** Bookkeeping that changes on every write and tells a reader nothing. */
const IGNORED = new Set(["updatedAt", "version", "passwordHash"]);

/**
 * What one entry changed, field by field. An update lists only the fields whose values differ;
 * a creation or a deletion lists what was written or removed.
 */
export function describeChanges(before: unknown, after: unknown, subjectType?: string | null): FieldChange[] {
  const b = before ?? undefined;
  const a = after ?? undefined;
  if (b === undefined && a === undefined) return [];
  if (Array.isArray(b) && Array.isArray(a)) return listChanges(b, a, subjectType);
  if ((b !== undefined && !isRecord(b)) || (a !== undefined && !isRecord(a))) {
    // A single value or a list as the whole entry (the indicators of a new round).
    if (b !== undefined && a !== undefined && JSON.stringify(b) === JSON.stringify(a)) return [];
    return [
      {
        key: "",
        label: "内容",
        ...(b !== undefined ? { before: valueText("", b, subjectType) } : {}),
        ...(a !== undefined ? { after: valueText("", a, subjectType) } : {}),
      },
    ];
  }
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].filter((k) => !IGNORED.has(k));
  const out: FieldChange[] = [];
  for (const key of keys) {
    const bv = b?.[key];
    const av = a?.[key];
    if (b && a && JSON.stringify(bv) === JSON.stringify(av)) continue;
    if (!b && (av === undefined || av === null || av === "")) continue;
    if (!a && (bv === undefined || bv === null || bv === "")) continue;
    const beforeText = b ? valueText(key, bv, subjectType) : undefined;
    const afterText = a ? valueText(key, av, subjectType) : undefined;
    // A field missing on one side and empty on the other did not change.
    if (b && a && beforeText === afterText) continue;
    out.push({
      key,
      label: fieldName(key, subjectType),
      ...(beforeText !== undefined ? { before: beforeText } : {}),
      ...(afterText !== undefined ? { after: afterText } : {}),
    });
  }
  return out;
}

/** Two versions of a list (the stages of a review): one line per element that differs. */
function listChanges(before: unknown[], after: unknown[], subjectType?: string | null): FieldChange[] {
  const out: FieldChange[] = [];
  const text = (v: unknown) => (isRecord(v) ? recordFields(v, subjectType) : valueText("", v, subjectType));
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    if (JSON.stringify(before[i]) === JSON.stringify(after[i])) continue;
    const item = (isRecord(after[i]) ? after[i] : before[i]) as unknown;
    const name = isRecord(item) ? recordName(item) : undefined;
    out.push({
      key: String(i),
      label: `第 ${i + 1} 项${name ? `（${name}）` : ""}`,
      before: i < before.length ? text(before[i]) : EMPTY,
      after: i < after.length ? text(after[i]) : EMPTY,
    });
  }
  return out;
}

/** The changes as plain text lines, for the spreadsheet export: "状态：审核中 → 已公布". */
export function changeSummary(before: unknown, after: unknown, subjectType?: string | null): string {
  return describeChanges(before, after, subjectType)
    .map((c) =>
      c.before !== undefined && c.after !== undefined
        ? `${c.label}：${c.before} → ${c.after}`
        : `${c.label}：${c.after ?? c.before}`,
    )
    .join("\n");
}
