import { CATALOGUE_AUDIT_LABELS, CATALOGUE_SUBJECT_LABELS } from "@/lib/catalogue/labels";

/** Chinese names of audit actions; an action missing here is shown by its raw name. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "auth.signIn": "登录成功",
  "auth.signIn.failed": "登录失败",
  "auth.signIn.locked": "账号锁定中尝试登录",
  "auth.signIn.failedAndLocked": "登录失败并锁定",
  "auth.signIn.throttled": "来源地址限流",
  "auth.lockout": "账号因多次密码错误被锁定",
  "auth.signOut": "退出登录",
  "account.changePassword": "修改密码",
  "account.changePassword.failed": "修改密码时当前密码错误",
  "security.denied": "越权尝试被拒绝",
  "security.notFound": "访问不存在或超出范围的对象",
  "user.create": "新建用户",
  "user.update": "修改用户",
  "user.activate": "启用用户",
  "user.deactivate": "停用用户",
  "user.resetPassword": "重置密码",
  "user.unlock": "解锁",
  "unit.create": "新建单位",
  "unit.update": "修改单位",
  "unit.rename": "单位更名",
  "unit.move": "移动单位",
  "unit.activate": "启用单位",
  "unit.deactivate": "停用单位",
  "system.seed": "初始化演示数据",
  ...CATALOGUE_AUDIT_LABELS,
};

/** Families of actions offered at the top of the filter (matched by prefix). */
export const AUDIT_ACTION_GROUPS: { value: string; label: string }[] = [
  { value: "auth.*", label: "全部登录记录" },
  { value: "security.*", label: "全部被拒绝的尝试" },
  { value: "user.*", label: "全部用户管理操作" },
  { value: "unit.*", label: "全部组织机构操作" },
  { value: "catalogue.*", label: "全部清单目录操作" },
];

export const SUBJECT_TYPE_LABELS: Record<string, string> = {
  user: "用户",
  username: "登录用户名",
  permission: "权限",
  page: "页面",
  unit: "单位",
  system: "系统",
  ...CATALOGUE_SUBJECT_LABELS,
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? AUDIT_ACTION_GROUPS.find((g) => g.value === action)?.label ?? action;
}

export function subjectTypeLabel(subjectType: string): string {
  return SUBJECT_TYPE_LABELS[subjectType] ?? subjectType;
}

/** Failed or refused sign-ins, shown in red so they stand out when scanning the log. */
export function isWarningAction(action: string): boolean {
  return (
    action.startsWith("auth.signIn.") ||
    action.startsWith("security.") ||
    action === "auth.lockout" ||
    action.endsWith(".failed") ||
    action.endsWith(".deactivate")
  );
}
