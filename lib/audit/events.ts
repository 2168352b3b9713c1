import { CATALOGUE_AUDIT_LABELS } from "@/lib/catalogue/labels";
import type { Permission } from "@/lib/auth/policy";

/**
 * Every kind of audit entry the system writes, as one closed set: `AuditEntry.action` is a key of
 * `AUDIT_EVENTS`, so a command that invents a new action name does not compile until the name is
 * added here with its Chinese label and area. The audit page, its filters and the export read
 * their texts from here only, so no raw code reaches a reader.
 */

/** The areas of the system, in the order the audit page's filter offers them. */
export const AUDIT_AREAS = {
  auth: "账号与登录",
  security: "安全事件",
  user: "用户",
  unit: "单位",
  catalogue: "目录",
  devolution: "赋权承接",
  lists: "职权清单",
  adjustment: "动态调整",
  admission: "准入",
  localDuty: "属地管理",
  listType: "各类清单",
  refusal: "拒绝权",
  appraisal: "年度评议",
  calendar: "工作日历",
  evaluation: "双向考评",
  dispatch: "双向派单",
  filing: "区县备案",
  system: "系统",
} as const;

export type AuditArea = keyof typeof AUDIT_AREAS;

export type AuditEventDef = {
  /** What happened, in Chinese, as the audit page and the export show it. */
  label: string;
  area: AuditArea;
  /** Shown in red: failed sign-ins, refused attempts, accounts switched off. */
  warning?: boolean;
};

const catalogue = (action: keyof typeof CATALOGUE_AUDIT_LABELS & string): AuditEventDef => ({
  label: CATALOGUE_AUDIT_LABELS[action],
  area: "catalogue",
});

export const AUDIT_EVENTS = {
  // 账号与登录
  "auth.signIn": { label: "登录成功", area: "auth" },
  "auth.signIn.failed": { label: "登录失败", area: "auth", warning: true },
  "auth.signIn.locked": { label: "账号锁定期间尝试登录", area: "auth", warning: true },
  "auth.signIn.failedAndLocked": { label: "登录失败并锁定账号", area: "auth", warning: true },
  "auth.signIn.throttled": { label: "来源地址登录失败过多，已限流", area: "auth", warning: true },
  "auth.lockout": { label: "账号被锁定", area: "auth", warning: true },
  "auth.signOut": { label: "退出登录", area: "auth" },
  "account.changePassword": { label: "修改密码", area: "auth" },
  "account.changePassword.failed": { label: "修改密码时原密码错误", area: "auth", warning: true },
  "session.revoked": { label: "登录会话被注销", area: "auth" },
  // 安全事件
  "security.denied": { label: "禁止的操作尝试", area: "security", warning: true },
  "security.notFound": { label: "访问不存在的对象", area: "security", warning: true },
  // 用户
  "user.create": { label: "新建用户", area: "user" },
  "user.update": { label: "修改用户", area: "user" },
  "user.activate": { label: "启用用户", area: "user" },
  "user.deactivate": { label: "停用用户", area: "user", warning: true },
  "user.resetPassword": { label: "重置密码", area: "user" },
  "user.unlock": { label: "解除账号锁定", area: "user" },
  // 单位
  "unit.create": { label: "新建单位", area: "unit" },
  "unit.update": { label: "修改单位", area: "unit" },
  "unit.rename": { label: "单位更名", area: "unit" },
  "unit.move": { label: "调整上级单位", area: "unit" },
  "unit.activate": { label: "启用单位", area: "unit" },
  "unit.deactivate": { label: "停用单位", area: "unit", warning: true },
  // 目录（赋权事项指导清单、通用权责清单、字典）
  "catalogue.edition.create": catalogue("catalogue.edition.create"),
  "catalogue.edition.update": catalogue("catalogue.edition.update"),
  "catalogue.edition.issue": catalogue("catalogue.edition.issue"),
  "catalogue.edition.delete": catalogue("catalogue.edition.delete"),
  "catalogue.item.create": catalogue("catalogue.item.create"),
  "catalogue.item.update": catalogue("catalogue.item.update"),
  "catalogue.item.delete": catalogue("catalogue.item.delete"),
  "catalogue.item.bulkEdit": catalogue("catalogue.item.bulkEdit"),
  "catalogue.import.upload": catalogue("catalogue.import.upload"),
  "catalogue.import.adjust": catalogue("catalogue.import.adjust"),
  "catalogue.import.discard": catalogue("catalogue.import.discard"),
  "catalogue.import": catalogue("catalogue.import"),
  "catalogue.import.cli": catalogue("catalogue.import.cli"),
  "dictionary.create": catalogue("dictionary.create"),
  "dictionary.update": catalogue("dictionary.update"),
  "dictionary.rename": catalogue("dictionary.rename"),
  "dictionary.activate": catalogue("dictionary.activate"),
  "dictionary.deactivate": catalogue("dictionary.deactivate"),
  // 赋权承接确认与认领
  "devolution.round.open": { label: "开启赋权承接确认", area: "devolution" },
  "devolution.round.close": { label: "结束赋权承接确认", area: "devolution" },
  "devolution.assign": { label: "分派事项的承接部门", area: "devolution" },
  "devolution.propose": { label: "部门提出承接意见", area: "devolution" },
  "devolution.agree": { label: "街道同意部门意见", area: "devolution" },
  "devolution.disagree": { label: "街道不同意部门意见", area: "devolution" },
  "devolution.comment": { label: "发表协商意见", area: "devolution" },
  "devolution.arbitrate": { label: "编办裁定", area: "devolution" },
  "devolution.letter.generate": { label: "生成确认书", area: "devolution" },
  "devolution.letter.confirm": { label: "签认确认书", area: "devolution" },
  "devolution.letter.withdraw": { label: "撤回确认书", area: "devolution" },
  "claim.claim": { label: "认领通用权责事项", area: "devolution" },
  "claim.unclaim": { label: "取消认领", area: "devolution" },
  // 职权清单
  "list.create": { label: "新建职权清单", area: "lists" },
  "list.item.add": { label: "新增职权清单事项", area: "lists" },
  "list.item.update": { label: "修改职权清单事项", area: "lists" },
  "list.item.remove": { label: "删除职权清单事项", area: "lists" },
  "list.item.move": { label: "移动职权清单事项", area: "lists" },
  "list.item.reorder": { label: "重新排列职权清单事项", area: "lists" },
  "list.submit": { label: "提交审核", area: "lists" },
  "list.resubmit": { label: "修改后重新提交审核", area: "lists" },
  "list.stages.update": { label: "调整审核环节", area: "lists" },
  "list.opinion": { label: "提出审核意见", area: "lists" },
  "list.return": { label: "退回起草单位修改", area: "lists" },
  "list.publish": { label: "印发公布职权清单", area: "lists" },
  "listCategory.create": { label: "新增职能分类", area: "lists" },
  "listCategory.rename": { label: "职能分类改名", area: "lists" },
  "listCategory.move": { label: "调整职能分类顺序", area: "lists" },
  "listCategory.activate": { label: "启用职能分类", area: "lists" },
  "listCategory.deactivate": { label: "停用职能分类", area: "lists" },
  // 动态调整
  "adjustment.create": { label: "提出动态调整申请", area: "adjustment" },
  "adjustment.withdraw": { label: "撤回动态调整申请", area: "adjustment" },
  "adjustment.opinion": { label: "联席会议成员单位审核意见", area: "adjustment" },
  "adjustment.approve": { label: "同意调整", area: "adjustment" },
  "adjustment.reject": { label: "不予调整", area: "adjustment" },
  "adjustment.file": { label: "动态调整备案", area: "adjustment" },
  "adjustment.publish": { label: "公布动态调整", area: "adjustment" },
  // 准入
  "admission.submit": { label: "提交准入申请", area: "admission" },
  "admission.edit": { label: "修改准入申请", area: "admission" },
  "admission.resubmit": { label: "修改后重新提交准入申请", area: "admission" },
  "admission.withdraw": { label: "撤回准入申请", area: "admission" },
  "admission.return": { label: "初审退回修改", area: "admission" },
  "admission.forward": { label: "初审通过，提交联席会议审查", area: "admission" },
  "admission.opinion": { label: "联席会议审查意见", area: "admission" },
  "admission.consultationOpened": { label: "开始征求街道（社区）意见", area: "admission" },
  "admission.agree": { label: "街道（社区）同意承接", area: "admission" },
  "admission.object": { label: "街道（社区）提出异议", area: "admission" },
  "admission.closeConsultation": { label: "结束征求意见", area: "admission" },
  "admission.admit": { label: "决定准入", area: "admission" },
  "admission.refuse": { label: "决定不予准入", area: "admission" },
  "admission.file": { label: "准入备案", area: "admission" },
  "admission.settings": { label: "修改准入和评议设置", area: "admission" },
  "admission.attach": { label: "上传准入附件", area: "admission" },
  "admission.detach": { label: "删除准入附件", area: "admission" },
  // 属地管理事项
  "localDuty.add": { label: "新增属地管理事项", area: "localDuty" },
  "localDuty.update": { label: "修改属地管理事项", area: "localDuty" },
  "localDuty.remove": { label: "删除属地管理事项", area: "localDuty" },
  "localDuty.import": { label: "导入属地管理事项", area: "localDuty" },
  "localDuty.publish": { label: "公布属地管理事项清单", area: "localDuty" },
  "funding.disburse": { label: "登记费随事转经费拨付", area: "localDuty" },
  // 各类清单 (configurable list types)
  "listType.create": { label: "新建清单类型", area: "listType" },
  "listType.update": { label: "修改清单类型", area: "listType" },
  "listType.retire": { label: "停用清单类型", area: "listType" },
  "listType.reactivate": { label: "启用清单类型", area: "listType" },
  "listType.delete": { label: "删除清单类型", area: "listType" },
  "typedList.create": { label: "新建清单草稿", area: "listType" },
  "typedList.row.save": { label: "保存清单事项", area: "listType" },
  "typedList.row.remove": { label: "删除清单事项", area: "listType" },
  "typedList.import": { label: "导入清单事项", area: "listType" },
  "typedList.submit": { label: "提交清单审核", area: "listType" },
  "typedList.review": { label: "提出清单审核意见", area: "listType" },
  "typedList.publish": { label: "公布清单", area: "listType" },
  // 拒绝权
  "refusal.register": { label: "登记交办任务", area: "refusal" },
  "refusal.refuse": { label: "拒绝交办任务", area: "refusal" },
  "refusal.accept": { label: "接受交办任务", area: "refusal" },
  // 年度评议
  "appraisal.open": { label: "开启年度评议", area: "appraisal" },
  "appraisal.link": { label: "生成评议问卷链接", area: "appraisal" },
  "appraisal.rate": { label: "单位评议打分", area: "appraisal" },
  "appraisal.survey": { label: "群众通过问卷评议", area: "appraisal" },
  "appraisal.revoke": { label: "评议后取消属地管理事项", area: "appraisal" },
  "appraisal.keep": { label: "评议后说明理由保留属地管理事项", area: "appraisal" },
  "appraisal.close": { label: "结束年度评议", area: "appraisal" },
  // 工作日历
  "calendar.setDay": { label: "设置工作日或休息日", area: "calendar" },
  "calendar.import": { label: "导入法定节假日安排", area: "calendar" },
  // 双向考评
  "evaluation.round.create": { label: "新建双向考评", area: "evaluation" },
  "evaluation.round.delete": { label: "删除双向考评", area: "evaluation" },
  "evaluation.indicators.save": { label: "设置考评指标", area: "evaluation" },
  "evaluation.pairs.change": { label: "调整评价关系", area: "evaluation" },
  "evaluation.pairs.unit": { label: "调整一个单位的评价关系", area: "evaluation" },
  "evaluation.pairs.reset": { label: "恢复默认评价关系", area: "evaluation" },
  "evaluation.deadline.set": { label: "设置评分截止日期", area: "evaluation" },
  "evaluation.round.open": { label: "开始评分", area: "evaluation" },
  "evaluation.scores.save": { label: "保存评分", area: "evaluation" },
  "evaluation.scores.saveBeforeSubmit": { label: "提交前保存评分", area: "evaluation" },
  "evaluation.sheet.submit": { label: "提交评分表", area: "evaluation" },
  "evaluation.remind": { label: "催促未提交的单位", area: "evaluation" },
  "evaluation.sheet.extend": { label: "延长单位的评分期限", area: "evaluation" },
  "evaluation.round.close": { label: "结束评分", area: "evaluation" },
  "evaluation.round.publish": { label: "公布考评结果", area: "evaluation" },
  // 双向派单
  "dispatch.report": { label: "街道上报派单", area: "dispatch" },
  "dispatch.forward": { label: "部门转交投诉给街道", area: "dispatch" },
  "dispatch.accept": { label: "部门接收派单", area: "dispatch" },
  "dispatch.handle": { label: "部门办结并告知街道", area: "dispatch" },
  "dispatch.reply": { label: "街道办结回复", area: "dispatch" },
  "dispatch.escalate": { label: "街道无法办理，上交部门", area: "dispatch" },
  "dispatch.reroute": { label: "部门将派单改派其他部门", area: "dispatch" },
  "dispatch.overdue": { label: "派单逾期提醒（系统）", area: "dispatch" },
  // 区县备案
  "filing.submit": { label: "区县编办向市编办备案", area: "filing" },
  "filing.file": { label: "市编办审查：已备案", area: "filing" },
  "filing.return": { label: "市编办审查：退回意见", area: "filing" },
  // 系统
  "notification.read": { label: "将通知标为已读", area: "system" },
  "system.seed": { label: "初始化演示数据", area: "system" },
  "system.seed.devolution": { label: "生成演示承接数据", area: "system" },
  "system.bench": { label: "性能测试写入", area: "system" },
} as const satisfies Record<string, AuditEventDef>;

export type AuditAction = keyof typeof AUDIT_EVENTS;

export const AUDIT_ACTIONS = Object.keys(AUDIT_EVENTS) as AuditAction[];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_EVENTS, value);
}

/** The event of a stored row; rows written before an action was renamed have none. */
export function auditEvent(action: string): AuditEventDef | null {
  const current = Object.hasOwn(RENAMED_AUDIT_ACTIONS, action) ? RENAMED_AUDIT_ACTIONS[action] : action;
  return isAuditAction(current) ? AUDIT_EVENTS[current] : null;
}

/**
 * Actions stored under an older name, and the event each now is. The audit log is append-only, so
 * old rows keep their name; they read, filter and export as the renamed event. Nothing writes
 * them: `AuditEntry.action` accepts only current names.
 */
export const RENAMED_AUDIT_ACTIONS: Readonly<Record<string, AuditAction>> = {
  // The yearly 评议 was "review" until it became "appraisal" ("review" is the lists' 审核).
  "review.open": "appraisal.open",
  "review.link": "appraisal.link",
  "review.rate": "appraisal.rate",
  "review.survey": "appraisal.survey",
  "review.revoke": "appraisal.revoke",
  "review.close": "appraisal.close",
};

/** A current action and the older names its rows may carry, for filters (`action IN (...)`). */
export function storedNamesOf(action: AuditAction): string[] {
  return [action, ...Object.keys(RENAMED_AUDIT_ACTIONS).filter((old) => RENAMED_AUDIT_ACTIONS[old] === action)];
}

/** The actions of one area (current names), for the filter's choices. */
export function actionsOfArea(area: AuditArea): AuditAction[] {
  return AUDIT_ACTIONS.filter((a) => AUDIT_EVENTS[a].area === area);
}

/** The names rows of one area may carry, old ones included, for the area filter (`action IN (...)`). */
export function storedActionsOfArea(area: AuditArea): string[] {
  return actionsOfArea(area).flatMap(storedNamesOf);
}

export function isAuditArea(value: string): value is AuditArea {
  return Object.hasOwn(AUDIT_AREAS, value);
}

/* ------------------------------------------------------------------ subjects */

export type AuditSubjectDef = {
  /** The Chinese name of the kind of object. */
  label: string;
  /**
   * Where the object is shown. `parentId` is the round, edition or unit the object lives in,
   * looked up by lib/audit/queries.ts for the types that declare `parent`.
   */
  href?: (id: string, parentId: number | null) => string | null;
  /** The page needs this permission; the link is shown only to readers who hold it. */
  permission?: Permission;
  /** The object's page is addressed through its parent (see `PARENT_OF` in lib/audit/queries.ts). */
  parent?: "catalogueEdition" | "devolutionRound" | "unit" | "evaluationRound";
  /** How the subject id reads: "#12" by default; "plain" shows it as it is (a user name). */
  idStyle?: "plain";
};

const numeric = (id: string) => /^\d+$/.test(id);
const byId = (path: string) => (id: string) => (numeric(id) ? `${path}/${id}` : null);
const withParent = (make: (id: string, parentId: number) => string) => (id: string, parentId: number | null) =>
  parentId != null && numeric(id) ? make(id, parentId) : null;

export const AUDIT_SUBJECTS = {
  user: { label: "用户", href: byId("/admin/users"), permission: "user.read" },
  username: { label: "登录用户名", idStyle: "plain" },
  unit: { label: "单位", href: byId("/admin/units"), permission: "unit.read" },
  system: { label: "系统" },
  permission: { label: "权限", idStyle: "plain" },
  page: { label: "页面", idStyle: "plain" },
  catalogueEdition: { label: "清单目录版本", href: byId("/catalogue/editions") },
  catalogueItem: { label: "目录事项", parent: "catalogueEdition", href: withParent((id, e) => `/catalogue/editions/${e}/items/${id}`) },
  importSession: { label: "导入任务", parent: "catalogueEdition", href: withParent((id, e) => `/catalogue/editions/${e}/import/${id}`) },
  dictionaryEntry: { label: "字典条目", href: () => "/catalogue/dictionary" },
  devolution_round: { label: "赋权承接确认", href: byId("/devolution/rounds") },
  devolution_assignment: {
    label: "事项分派",
    idStyle: "plain",
    href: (id) => (/^\d+:\d+$/.test(id) ? `/devolution/rounds/${id.split(":")[0]}/assignments` : null),
  },
  devolution: { label: "承接事项", parent: "devolutionRound", href: withParent((id, r) => `/devolution/rounds/${r}/items/${id}`) },
  confirmation_letter: { label: "确认书", parent: "devolutionRound", href: withParent((id, r) => `/devolution/rounds/${r}/letters/${id}`) },
  claim: { label: "认领", idStyle: "plain", href: () => "/devolution/claims" },
  powerList: { label: "职权清单", href: byId("/lists/manage") },
  powerListCategory: { label: "职能分类", href: () => "/lists/categories" },
  powerListAdjustment: { label: "动态调整申请", href: byId("/lists/adjustments") },
  admission: { label: "准入申请", href: byId("/admission") },
  admissionSettings: { label: "准入和评议设置", href: () => "/admission/settings" },
  localDuty: { label: "属地管理事项", parent: "unit", href: withParent((_id, u) => `/local-duties/manage/${u}`) },
  localDutyList: { label: "属地管理事项清单", href: byId("/local-duties/manage") },
  listType: { label: "清单类型", href: byId("/admin/list-types") },
  typedList: { label: "清单", href: byId("/typed-lists/manage") },
  fundingDisbursement: { label: "经费拨付", idStyle: "plain", href: () => "/funding" },
  taskRegisterEntry: { label: "交办任务", href: () => "/refusals" },
  appraisalRound: { label: "年度评议", href: byId("/appraisal") },
  workCalendarDay: { label: "工作日历", href: () => "/calendar" },
  evaluationRound: { label: "双向考评", href: byId("/evaluation") },
  evaluationSheet: { label: "评分表", parent: "evaluationRound", href: withParent((_id, r) => `/evaluation/${r}`) },
  dispatch: { label: "派单", href: byId("/dispatch") },
  filing: { label: "备案", href: byId("/filings"), permission: "filing.read" },
} as const satisfies Record<string, AuditSubjectDef>;

export type AuditSubjectType = keyof typeof AUDIT_SUBJECTS;

/** Subject types stored under an older name (rows are append-only), and the type each now is. */
export const RENAMED_SUBJECT_TYPES: Readonly<Record<string, AuditSubjectType>> = {
  reviewRound: "appraisalRound",
};

/** A subject type and the older names its rows may carry, for the filter. */
export function storedSubjectTypesOf(subjectType: string): string[] {
  return [subjectType, ...Object.keys(RENAMED_SUBJECT_TYPES).filter((old) => RENAMED_SUBJECT_TYPES[old] === subjectType)];
}

export function auditSubject(subjectType: string): AuditSubjectDef | null {
  const current = Object.hasOwn(RENAMED_SUBJECT_TYPES, subjectType) ? RENAMED_SUBJECT_TYPES[subjectType] : subjectType;
  return Object.hasOwn(AUDIT_SUBJECTS, current) ? AUDIT_SUBJECTS[current as AuditSubjectType] : null;
}

/* ------------------------------------------------------------------ outcomes */

export const AUDIT_OUTCOMES = {
  SUCCESS: "成功",
  DENIED: "拒绝",
  NOT_FOUND: "不存在",
  FAILED: "失败",
} as const;

export type AuditOutcomeName = keyof typeof AUDIT_OUTCOMES;

/* ------------------------------------------------------------------ texts */

/** The Chinese name of a stored action; an unknown (old) one is named as such, never shown bare. */
export function auditActionLabel(action: string): string {
  return auditEvent(action)?.label ?? `其他操作（${action}）`;
}

export function auditAreaLabel(action: string): string {
  const event = auditEvent(action);
  return event ? AUDIT_AREAS[event.area] : "其他";
}

export function subjectTypeLabel(subjectType: string): string {
  return auditSubject(subjectType)?.label ?? `其他对象（${subjectType}）`;
}

/** "用户 #12", "登录用户名 admin", "确认书 #3". */
export function subjectText(subjectType: string | null, subjectId: string | null): string {
  if (!subjectType) return "";
  const def = auditSubject(subjectType);
  const label = subjectTypeLabel(subjectType);
  if (!subjectId) return label;
  return `${label} ${def?.idStyle === "plain" ? subjectId : `#${subjectId}`}`;
}

export function subjectHref(subjectType: string | null, subjectId: string | null, parentId: number | null = null): string | null {
  if (!subjectType || !subjectId) return null;
  return auditSubject(subjectType)?.href?.(subjectId, parentId) ?? null;
}

/** Failed or refused attempts and switched-off accounts, shown in red. */
export function isWarningAction(action: string, outcome: string = "SUCCESS"): boolean {
  return outcome !== "SUCCESS" || !!auditEvent(action)?.warning;
}
